package dev.migrate.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.migrate.DatabaseInfo;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * What differs between databases when a plan writes bound values as SQL literals, in one
 * place: the form of each kind of literal, and the syntax that decides where a statement
 * has parameters (comments, quotes, escapes). Each literal is read by the database as the
 * value its JDBC driver would have sent: typed literals where the driver binds typed
 * values (PostgreSQL, H2, HSQLDB), plain strings where MariaDB Connector/J writes strings
 * into the statement, and the time zone conversions the drivers make.
 * <p>
 * Chosen from the product name the driver reports, with the session's facts that change
 * how strings are read ({@link #detect}).
 */
final class SqlLiteralStyle {

	private static final Log logger = LogFactory.getLog(SqlLiteralStyle.class);

	private static final HexFormat HEX = HexFormat.of();

	/**
	 * The databases whose literals and statement syntax differ.
	 */
	enum Kind {

		/** PostgreSQL, with pgjdbc. */
		POSTGRESQL("PostgreSQL"),

		/** MySQL and MariaDB, with MariaDB Connector/J or MySQL Connector/J. */
		MYSQL("MySQL and MariaDB"),

		/** H2. */
		H2("H2"),

		/** HSQLDB. */
		HSQLDB("HSQLDB"),

		/** Any other database: standard SQL. */
		STANDARD("standard SQL");

		private final String description;

		Kind(String description) {
			this.description = description;
		}

	}

	private final Kind kind;

	private final boolean backslashEscapes;

	private final ZoneId zone;

	private SqlLiteralStyle(Kind kind, boolean backslashEscapes, ZoneId zone) {
		this.kind = kind;
		this.backslashEscapes = backslashEscapes;
		this.zone = zone;
	}

	/**
	 * The style of a database with its default settings, in the JVM's time zone.
	 * @param kind the database
	 * @return the style
	 */
	static SqlLiteralStyle of(Kind kind) {
		return new SqlLiteralStyle(kind, kind == Kind.MYSQL, ZoneId.systemDefault());
	}

	/**
	 * The style of a database, from the product name its driver reports, with default
	 * settings.
	 * @param productName the product name, such as "PostgreSQL" or "HSQL Database Engine"
	 * @return the style, standard SQL for a database without one
	 */
	static SqlLiteralStyle forProduct(String productName) {
		return of(switch (productName.toLowerCase(Locale.ROOT)) {
			case "postgresql" -> Kind.POSTGRESQL;
			case "mysql", "mariadb" -> Kind.MYSQL;
			case "h2" -> Kind.H2;
			case "hsql database engine" -> Kind.HSQLDB;
			default -> Kind.STANDARD;
		});
	}

	/**
	 * The style of the database behind a connection, with the session settings that
	 * change how string literals are read: PostgreSQL's
	 * {@code standard_conforming_strings} and MySQL's {@code NO_BACKSLASH_ESCAPES}.
	 * Leaves the connection as it was; where a setting cannot be read, the database's
	 * default is assumed.
	 * @param database the database
	 * @param connection a connection to it, in the session the statements run in
	 * @return the style
	 */
	static SqlLiteralStyle detect(DatabaseInfo database, Connection connection) {
		SqlLiteralStyle style = forProduct(database.product());
		@Nullable String query = switch (style.kind) {
			case POSTGRESQL -> "SELECT current_setting('standard_conforming_strings')";
			case MYSQL -> "SELECT @@SESSION.sql_mode";
			default -> null;
		};
		if (query == null) {
			return style;
		}
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
			if (result.next() && result.getString(1) != null) {
				String setting = result.getString(1).toUpperCase(Locale.ROOT);
				return style.withBackslashEscapes((style.kind == Kind.POSTGRESQL) ? setting.equals("OFF")
						: !setting.contains("NO_BACKSLASH_ESCAPES"));
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not read how " + database.product() + " reads backslashes in strings; assuming its"
					+ " default", ex);
			rollbackIfInTransaction(connection);
		}
		return style;
	}

	private static void rollbackIfInTransaction(Connection connection) {
		// A failed query poisons an open PostgreSQL transaction.
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not roll back after reading a session setting", ex);
		}
	}

	/**
	 * This style, with strings read with or without backslash escapes: PostgreSQL with
	 * {@code standard_conforming_strings} off, MySQL without
	 * {@code NO_BACKSLASH_ESCAPES}.
	 * @param escapes whether a backslash in a string literal escapes the next character
	 * @return the style
	 */
	SqlLiteralStyle withBackslashEscapes(boolean escapes) {
		return new SqlLiteralStyle(this.kind, escapes, this.zone);
	}

	/**
	 * This style, in another time zone than the JVM's: the zone in which the driver
	 * writes {@code java.sql.Timestamp} and {@code java.util.Date} values, and into which
	 * MariaDB Connector/J converts values with an offset.
	 * @param zone the time zone
	 * @return the style
	 */
	SqlLiteralStyle inZone(ZoneId zone) {
		return new SqlLiteralStyle(this.kind, this.backslashEscapes, zone);
	}

	Kind kind() {
		return this.kind;
	}

	ZoneId zone() {
		return this.zone;
	}

	@Override
	public String toString() {
		return this.kind.description + (this.backslashEscapes ? ", backslash escapes" : "");
	}

	// Where parameters are: the syntax around them

	/**
	 * Whether a backslash escapes the next character in a {@code '...'} string (and in a
	 * {@code "..."} string on MySQL).
	 */
	boolean backslashEscapes() {
		return this.backslashEscapes;
	}

	/** Whether {@code E'...'} strings, with backslash escapes, exist. */
	boolean escapeStrings() {
		return this.kind == Kind.POSTGRESQL;
	}

	/** Whether {@code "..."} is a string, not a quoted identifier. */
	boolean doubleQuotedStrings() {
		return this.kind == Kind.MYSQL;
	}

	/** Whether {@code `...`} is a quoted identifier. */
	boolean backtickIdentifiers() {
		return this.kind == Kind.MYSQL || this.kind == Kind.H2;
	}

	/** Whether {@code #} starts a comment to the end of the line. */
	boolean hashComments() {
		return this.kind == Kind.MYSQL;
	}

	/** Whether {@code //} starts a comment to the end of the line. */
	boolean slashComments() {
		return this.kind == Kind.H2;
	}

	/** Whether {@code /* ... *}{@code /} comments nest. */
	boolean nestedBlockComments() {
		return this.kind == Kind.POSTGRESQL || this.kind == Kind.H2;
	}

	/** Whether {@code $$...$$} quotes a string. */
	boolean dollarQuotes() {
		return this.kind == Kind.POSTGRESQL || this.kind == Kind.H2;
	}

	/** Whether dollar quotes carry a tag: {@code $fn$...$fn$}. */
	boolean taggedDollarQuotes() {
		return this.kind == Kind.POSTGRESQL;
	}

	/** Whether {@code ??} is a {@code ?} operator, not a parameter (pgjdbc). */
	boolean doubledQuestionMarks() {
		return this.kind == Kind.POSTGRESQL;
	}

	/** Whether {@code ?1} is parameter 1 (H2). */
	boolean numberedParameters() {
		return this.kind == Kind.H2;
	}

	// Literals

	String string(String value) {
		if (this.kind == Kind.MYSQL && this.backslashEscapes) {
			StringBuilder escaped = new StringBuilder(value.length() + 2).append('\'');
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				switch (c) {
					case '\\' -> escaped.append("\\\\");
					case '\'' -> escaped.append("''");
					case '\0' -> escaped.append("\\0");
					// Ctrl-Z ends input for the Windows client
					case '\u001a' -> escaped.append("\\Z");
					default -> escaped.append(c);
				}
			}
			return escaped.append('\'').toString();
		}
		if (this.kind == Kind.POSTGRESQL && this.backslashEscapes && value.indexOf('\\') >= 0) {
			return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
		}
		return "'" + value.replace("'", "''") + "'";
	}

	String bytes(byte[] value) {
		if (this.kind == Kind.POSTGRESQL) {
			// X'...' is a bit string in PostgreSQL
			return (this.backslashEscapes ? "E'\\\\x" : "'\\x") + HEX.formatHex(value) + "'::bytea";
		}
		return "X'" + HEX.formatHex(value) + "'";
	}

	String uuid(UUID value) {
		return switch (this.kind) {
			case POSTGRESQL -> "'" + value + "'::uuid";
			case H2 -> "UUID '" + value + "'";
			case HSQLDB -> "CAST('" + value + "' AS UUID)";
			case MYSQL, STANDARD -> "'" + value + "'";
		};
	}

	/**
	 * A float or double that is not a number or infinite.
	 * @param value the value
	 * @param singlePrecision whether it is a float
	 * @return the literal
	 */
	String nonFinite(double value, boolean singlePrecision) {
		String text = Double.isNaN(value) ? "NaN" : ((value > 0) ? "Infinity" : "-Infinity");
		return switch (this.kind) {
			case POSTGRESQL -> "'" + text + "'";
			case MYSQL -> unwritable(text, "MySQL and MariaDB have no NaN or infinite numbers");
			case H2, HSQLDB, STANDARD -> "CAST('" + text + "' AS " + (singlePrecision ? "REAL" : "DOUBLE") + ")";
		};
	}

	String date(LocalDate value) {
		if (!inYearRange(value.getYear())) {
			return unwritable(value.toString(), "a date outside the years 1 to 9999");
		}
		return typed("DATE", dateText(value));
	}

	String time(LocalTime value) {
		return typed("TIME", timeText(value));
	}

	String timeWithOffset(OffsetTime value) {
		return switch (this.kind) {
			case POSTGRESQL, H2 ->
				"TIME WITH TIME ZONE '" + timeText(value.toLocalTime()) + offset(value.getOffset()) + "'";
			case HSQLDB, STANDARD -> "TIME '" + timeText(value.toLocalTime()) + offset(value.getOffset()) + "'";
			case MYSQL -> unwritable(value.toString(), "MySQL and MariaDB have no time with a time zone");
		};
	}

	/**
	 * A date and time without a time zone ({@code LocalDateTime}).
	 * @param value the value
	 * @return the literal
	 */
	String timestamp(LocalDateTime value) {
		if (!inYearRange(value.getYear())) {
			return unwritable(value.toString(), "a date outside the years 1 to 9999");
		}
		return typed("TIMESTAMP", timestampText(value));
	}

	/**
	 * A {@code java.sql.Timestamp} or {@code java.util.Date}: a point in time that
	 * drivers write in the JVM's time zone. pgjdbc sends it untyped with the zone's
	 * offset, so that it is the same instant in a {@code timestamptz} column and the same
	 * wall-clock time in a {@code timestamp} column.
	 * @param value the point in time
	 * @return the literal
	 */
	String jdbcTimestamp(Instant value) {
		LocalDateTime local = LocalDateTime.ofInstant(value, this.zone);
		if (this.kind != Kind.POSTGRESQL || !inYearRange(local.getYear())) {
			return timestamp(local);
		}
		return "'" + timestampText(local) + offset(this.zone.getRules().getOffset(value)) + "'";
	}

	/**
	 * A point in time with an offset ({@code OffsetDateTime}, {@code ZonedDateTime},
	 * {@code Instant}).
	 * @param value the value
	 * @return the literal
	 */
	String timestampWithOffset(OffsetDateTime value) {
		if (this.kind == Kind.MYSQL) {
			// What MariaDB Connector/J sends: the time in the JVM's zone
			return timestamp(value.atZoneSameInstant(this.zone).toLocalDateTime());
		}
		if (!inYearRange(value.getYear())) {
			return unwritable(value.toString(), "a date outside the years 1 to 9999");
		}
		String text = timestampText(value.toLocalDateTime()) + offset(value.getOffset());
		return switch (this.kind) {
			case POSTGRESQL, H2 -> "TIMESTAMP WITH TIME ZONE '" + text + "'";
			default -> "TIMESTAMP '" + text + "'";
		};
	}

	/**
	 * An array.
	 * @param elements the literals of its elements
	 * @param elementType the SQL type of its elements if the driver tells it, such as
	 * {@code int4}
	 * @return the literal
	 */
	String array(List<String> elements, @Nullable String elementType) {
		String cast = (elementType != null) ? "::" + elementType + "[]" : "";
		return switch (this.kind) {
			case POSTGRESQL -> elements.isEmpty() ? "'{}'" + cast : "ARRAY[" + String.join(", ", elements) + "]" + cast;
			case MYSQL -> unwritable("an array", "MySQL and MariaDB have no arrays");
			case H2, HSQLDB, STANDARD -> "ARRAY[" + String.join(", ", elements) + "]";
		};
	}

	/**
	 * What stands for a value that cannot be written as a literal: a comment saying so,
	 * then the {@code ?} of the parameter, so that the statement is not run by mistake.
	 * @param value what the value is
	 * @param reason why it cannot be written
	 * @return the marker
	 */
	String unwritable(String value, String reason) {
		String text = (value + ": " + reason).replace("*/", "* /");
		return "/* migrate could not write this value for " + this.kind.description + " (" + text
				+ "); replace the ? by hand */ ?";
	}

	private String typed(String type, String text) {
		// MariaDB Connector/J sends temporal values as plain strings
		return (this.kind == Kind.MYSQL) ? "'" + text + "'" : type + " '" + text + "'";
	}

	private static boolean inYearRange(int year) {
		return year >= 1 && year <= 9999;
	}

	private String timestampText(LocalDateTime value) {
		LocalDateTime rounded = switch (this.kind) {
			// pgjdbc rounds to microseconds, MariaDB Connector/J truncates
			case POSTGRESQL -> value.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
			case MYSQL -> value.truncatedTo(ChronoUnit.MICROS);
			default -> value;
		};
		return dateText(rounded.toLocalDate()) + " " + clockText(rounded.toLocalTime());
	}

	private String timeText(LocalTime value) {
		return switch (this.kind) {
			case POSTGRESQL -> {
				LocalTime rounded = value.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
				yield rounded.isBefore(value) ? "24:00:00" : clockText(rounded);
			}
			case MYSQL -> clockText(value.truncatedTo(ChronoUnit.MICROS));
			default -> clockText(value);
		};
	}

	private static String dateText(LocalDate value) {
		return String.format(Locale.ROOT, "%04d-%02d-%02d", value.getYear(), value.getMonthValue(),
				value.getDayOfMonth());
	}

	private static String clockText(LocalTime value) {
		String text = String.format(Locale.ROOT, "%02d:%02d:%02d", value.getHour(), value.getMinute(),
				value.getSecond());
		if (value.getNano() == 0) {
			return text;
		}
		String fraction = String.format(Locale.ROOT, "%09d", value.getNano()).replaceAll("0+$", "");
		return text + "." + fraction;
	}

	private static String offset(ZoneOffset offset) {
		return (offset.getTotalSeconds() == 0) ? "+00:00" : offset.getId();
	}

}
