package dev.migrate.internal;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Writes a prepared statement with its bound values as SQL literals, for a plan that a
 * DBA reads and runs. The engine itself always binds values as parameters. The forms of
 * the literals and the syntax that decides where parameters are come from the database's
 * {@link SqlLiteralStyle}; a value that has no literal form is shown as a comment
 * followed by a {@code ?}, so that running the statement fails rather than does something
 * else.
 */
final class SqlLiterals {

	private SqlLiterals() {
	}

	/**
	 * Write a statement with its bound values in place of its parameters. The {@code ?}
	 * of a parameter without a value is kept, after a comment saying so.
	 * @param style the database's style
	 * @param sql the statement as given to the driver
	 * @param parameters the bound values by parameter index
	 * @return the statement as a DBA would run it
	 */
	static String inline(SqlLiteralStyle style, @Nullable String sql,
			Map<Integer, ? extends @Nullable Object> parameters) {
		if (sql == null) {
			return "";
		}
		StringBuilder result = new StringBuilder(sql.length() + 16 * parameters.size());
		int next = 1;
		int i = 0;
		while (i < sql.length()) {
			int end = endOfQuoteOrComment(style, sql, i);
			if (end > i) {
				result.append(sql, i, end);
				i = end;
				continue;
			}
			char c = sql.charAt(i);
			if (c != '?') {
				result.append(c);
				i++;
				continue;
			}
			if (style.doubledQuestionMarks() && i + 1 < sql.length() && sql.charAt(i + 1) == '?') {
				// pgjdbc sends ?? as the operator ?
				result.append('?');
				i += 2;
				continue;
			}
			int digits = style.numberedParameters() ? Math.min(digitsAt(sql, i + 1), 9) : 0;
			int index = (digits > 0) ? Integer.parseInt(sql.substring(i + 1, i + 1 + digits)) : next++;
			i += 1 + digits;
			String literal = parameters.containsKey(index) ? literal(style, parameters.get(index))
					: "/* migrate: parameter " + index
							+ " has no value, so the driver would refuse this statement */ ?";
			appendSeparated(result, literal, (i < sql.length()) ? sql.charAt(i) : ' ');
		}
		return result.toString();
	}

	/**
	 * Write a value as an SQL literal.
	 * @param style the database's style
	 * @param value the value as bound
	 * @return the literal
	 */
	static String literal(SqlLiteralStyle style, @Nullable Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Boolean bool) {
			return bool ? "TRUE" : "FALSE";
		}
		if (value instanceof BigDecimal decimal) {
			// No exponent, which MySQL reads as a double; the scale kept
			return decimal.toPlainString();
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			return (Double.isNaN(number) || Double.isInfinite(number)) ? style.nonFinite(number, value instanceof Float)
					: value.toString();
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger || value instanceof AtomicInteger || value instanceof AtomicLong) {
			return value.toString();
		}
		if (value instanceof CharSequence || value instanceof Character) {
			return style.string(value.toString());
		}
		if (value instanceof byte[] bytes) {
			return style.bytes(bytes);
		}
		if (value instanceof UUID uuid) {
			return style.uuid(uuid);
		}
		String temporal = temporal(style, value);
		if (temporal != null) {
			return temporal;
		}
		if (value instanceof java.sql.Array array) {
			return array(style, array);
		}
		if (value.getClass().isArray()) {
			return style.array(elements(style, value), null);
		}
		return style.unwritable("a " + value.getClass().getName(), "no SQL literal for this type");
	}

	private static @Nullable String temporal(SqlLiteralStyle style, Object value) {
		// java.sql types first: they extend java.util.Date
		if (value instanceof Timestamp timestamp) {
			return style.jdbcTimestamp(timestamp.toInstant());
		}
		if (value instanceof java.sql.Date date) {
			return style.date(date.toLocalDate());
		}
		if (value instanceof Time time) {
			return style.time(time.toLocalTime());
		}
		if (value instanceof Date date) {
			// Bound as a timestamp, as Spring's JdbcTemplate does
			return style.jdbcTimestamp(date.toInstant());
		}
		if (value instanceof LocalDate date) {
			return style.date(date);
		}
		if (value instanceof LocalTime time) {
			return style.time(time);
		}
		if (value instanceof LocalDateTime dateTime) {
			return style.timestamp(dateTime);
		}
		if (value instanceof OffsetTime time) {
			return style.timeWithOffset(time);
		}
		if (value instanceof OffsetDateTime dateTime) {
			return style.timestampWithOffset(dateTime);
		}
		if (value instanceof ZonedDateTime dateTime) {
			return style.timestampWithOffset(dateTime.toOffsetDateTime());
		}
		if (value instanceof Instant instant) {
			return style.timestampWithOffset(instant.atOffset(ZoneOffset.UTC));
		}
		return null;
	}

	private static String array(SqlLiteralStyle style, java.sql.Array array) {
		try {
			return style.array(elements(style, array.getArray()), array.getBaseTypeName());
		}
		catch (SQLException ex) {
			return style.unwritable("an array", "its elements could not be read: " + ex.getMessage());
		}
	}

	private static List<String> elements(SqlLiteralStyle style, Object array) {
		int length = Array.getLength(array);
		List<String> elements = new ArrayList<>(length);
		for (int i = 0; i < length; i++) {
			elements.add(literal(style, Array.get(array, i)));
		}
		return elements;
	}

	/**
	 * Where the string literal, quoted identifier or comment that starts at a position
	 * ends.
	 * @return the position after it, or {@code start} if none starts there
	 */
	private static int endOfQuoteOrComment(SqlLiteralStyle style, String sql, int start) {
		char c = sql.charAt(start);
		char following = (start + 1 < sql.length()) ? sql.charAt(start + 1) : '\0';
		switch (c) {
			case '\'':
				return endOfQuoted(sql, start, '\'', style.backslashEscapes() || escapeString(style, sql, start));
			case '"':
				return endOfQuoted(sql, start, '"', style.doubleQuotedStrings() && style.backslashEscapes());
			case '`':
				return style.backtickIdentifiers() ? endOfQuoted(sql, start, '`', false) : start;
			case '-':
				// MySQL needs a space after --, but MariaDB Connector/J finds no
				// parameter after -- either
				return (following == '-') ? endOfLine(sql, start) : start;
			case '#':
				return style.hashComments() ? endOfLine(sql, start) : start;
			case '/':
				if (following == '/' && style.slashComments()) {
					return endOfLine(sql, start);
				}
				if (following == '*') {
					return endOfBlockComment(style, sql, start);
				}
				return start;
			case '$':
				return style.dollarQuotes() ? endOfDollarQuoted(style, sql, start) : start;
			default:
				return start;
		}
	}

	private static boolean escapeString(SqlLiteralStyle style, String sql, int quote) {
		if (!style.escapeStrings() || quote == 0) {
			return false;
		}
		char prefix = sql.charAt(quote - 1);
		return (prefix == 'E' || prefix == 'e') && (quote == 1 || !isIdentifierPart(sql.charAt(quote - 2)));
	}

	private static int endOfQuoted(String sql, int start, char quote, boolean backslashEscapes) {
		int i = start + 1;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (backslashEscapes && c == '\\') {
				i += 2;
			}
			else if (c == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
				}
				else {
					return i + 1;
				}
			}
			else {
				i++;
			}
		}
		return sql.length();
	}

	private static int endOfLine(String sql, int start) {
		int newline = sql.indexOf('\n', start);
		return (newline < 0) ? sql.length() : newline;
	}

	private static int endOfBlockComment(SqlLiteralStyle style, String sql, int start) {
		int depth = 1;
		int i = start + 2;
		while (i < sql.length()) {
			if (sql.startsWith("*/", i)) {
				depth--;
				i += 2;
				if (depth == 0 || !style.nestedBlockComments()) {
					return i;
				}
			}
			else if (style.nestedBlockComments() && sql.startsWith("/*", i)) {
				depth++;
				i += 2;
			}
			else {
				i++;
			}
		}
		return sql.length();
	}

	private static int endOfDollarQuoted(SqlLiteralStyle style, String sql, int start) {
		if (start > 0 && isIdentifierPart(sql.charAt(start - 1))) {
			// $ inside an identifier, such as a$b
			return start;
		}
		int tagEnd = start + 1;
		if (style.taggedDollarQuotes() && tagEnd < sql.length() && isIdentifierStart(sql.charAt(tagEnd))) {
			while (tagEnd < sql.length() && isIdentifierPart(sql.charAt(tagEnd)) && sql.charAt(tagEnd) != '$') {
				tagEnd++;
			}
		}
		if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
			// $1, or a $ that starts no quote
			return start;
		}
		String tag = sql.substring(start, tagEnd + 1);
		int close = sql.indexOf(tag, tagEnd + 1);
		return (close < 0) ? sql.length() : close + tag.length();
	}

	private static int digitsAt(String sql, int start) {
		int i = start;
		while (i < sql.length() && sql.charAt(i) >= '0' && sql.charAt(i) <= '9') {
			i++;
		}
		return i - start;
	}

	/**
	 * Append a literal so that it stays one token: {@code a-?} with {@code -1} must not
	 * become the comment {@code a--1}, {@code a/?} with a comment not H2's comment
	 * {@code //*}, nor {@code LIMIT?} the identifier {@code LIMIT5}.
	 */
	private static void appendSeparated(StringBuilder result, String literal, char next) {
		char previous = (result.length() > 0) ? result.charAt(result.length() - 1) : ' ';
		if (previous == '-' && literal.startsWith("-")) {
			result.append('(').append(literal).append(')');
			return;
		}
		if ((previous == '/' && literal.startsWith("/"))
				|| (isIdentifierPart(previous) && (isIdentifierPart(literal.charAt(0)) || literal.charAt(0) == '\''))) {
			result.append(' ');
		}
		result.append(literal);
		if (isIdentifierPart(next) && isIdentifierPart(literal.charAt(literal.length() - 1))) {
			result.append(' ');
		}
	}

	private static boolean isIdentifierStart(char c) {
		return Character.isLetter(c) || c == '_' || c > 0x7f;
	}

	private static boolean isIdentifierPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
	}

}
