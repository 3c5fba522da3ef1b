package dev.migrate.test;

import dev.migrate.schema.SchemaSnapshot;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of the tables a verification checks, each row as text such as
 * {@code (id=1, code='DE')}, so that rows before and after can be compared as multisets.
 */
final class TableRows {

	private final Map<String, List<String>> rows;

	private TableRows(Map<String, List<String>> rows) {
		this.rows = rows;
	}

	/**
	 * Read the rows of those tables that exist in the snapshot.
	 */
	static TableRows read(DataSource dataSource, @Nullable String schema, Collection<String> tables,
			SchemaSnapshot snapshot) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (String table : tables) {
			String existing = snapshot.tableNames().stream().filter(table::equalsIgnoreCase).findFirst().orElse(null);
			if (existing != null) {
				String qualified = (schema != null) ? schema + "." + existing : existing;
				rows.put(existing, jdbc.query("SELECT * FROM " + qualified, (rs, row) -> {
					ResultSetMetaData metaData = rs.getMetaData();
					List<String> values = new ArrayList<>();
					for (int i = 1; i <= metaData.getColumnCount(); i++) {
						values.add(display(metaData.getColumnLabel(i)) + "=" + literal(rs.getObject(i)));
					}
					return "(" + String.join(", ", values) + ")";
				}));
			}
		}
		return new TableRows(rows);
	}

	/**
	 * Whether any of the given tables was read.
	 */
	boolean contains(String table) {
		return this.rows.keySet().stream().anyMatch(table::equalsIgnoreCase);
	}

	/**
	 * One line per row that is missing from, or not expected in, {@code actual}, for the
	 * tables both have read.
	 */
	List<String> diff(TableRows actual, String extraPhrase) {
		List<String> lines = new ArrayList<>();
		this.rows.forEach((table, expectedRows) -> {
			List<String> actualRows = actual.rows.get(table);
			if (actualRows == null) {
				return;
			}
			Map<String, Long> expected = count(expectedRows);
			Map<String, Long> found = count(actualRows);
			expected.forEach((row, times) -> {
				long missing = times - found.getOrDefault(row, 0L);
				for (long i = 0; i < missing; i++) {
					lines.add("row " + row + " in " + table + " is missing");
				}
			});
			found.forEach((row, times) -> {
				long extra = times - expected.getOrDefault(row, 0L);
				for (long i = 0; i < extra; i++) {
					lines.add("row " + row + " in " + table + " " + extraPhrase);
				}
			});
		});
		return lines;
	}

	private static Map<String, Long> count(List<String> rows) {
		return rows.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
	}

	private static String display(String column) {
		return column.equals(column.toUpperCase(Locale.ROOT)) ? column.toLowerCase(Locale.ROOT) : column;
	}

	private static String literal(@Nullable Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof byte[] bytes) {
			return "X'" + HexFormat.of().formatHex(bytes) + "'";
		}
		if (value instanceof BigDecimal decimal) {
			return (decimal.signum() == 0) ? "0" : decimal.stripTrailingZeros().toPlainString();
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		return "'" + value + "'";
	}

}
