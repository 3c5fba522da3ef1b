package dev.migrate.internal;

import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Renders a prepared statement with its bound values as SQL literals, for reading. Not
 * for execution: the engine always binds values as parameters.
 *
 * @author migrate
 */
final class SqlLiterals {

	private SqlLiterals() {
	}

	static String inline(@Nullable String sql, Map<Integer, Object> parameters) {
		if (sql == null) {
			return "";
		}
		StringBuilder result = new StringBuilder(sql.length() + 16 * parameters.size());
		int index = 1;
		boolean inString = false;
		for (int i = 0; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if (c == '\'') {
				inString = !inString;
			}
			if (c == '?' && !inString) {
				result.append(parameters.containsKey(index) ? literal(parameters.get(index)) : "?");
				index++;
			}
			else {
				result.append(c);
			}
		}
		return result.toString();
	}

	static String literal(@Nullable Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Boolean bool) {
			return bool ? "TRUE" : "FALSE";
		}
		if (value instanceof Number) {
			return value.toString();
		}
		if (value instanceof byte[] bytes) {
			return "X'" + HexFormat.of().formatHex(bytes) + "'";
		}
		if (value instanceof Date || value instanceof TemporalAccessor) {
			return "'" + value + "'";
		}
		return "'" + value.toString().replace("'", "''") + "'";
	}

}
