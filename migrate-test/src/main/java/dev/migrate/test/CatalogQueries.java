package dev.migrate.test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What {@link java.sql.DatabaseMetaData} does not tell, per database: unique and check
 * constraints, sequences, view definitions, which indexes merely back a constraint, and
 * which names the database generated. Chosen from the product name, like migrate-core's
 * dialects; the default reads nothing beyond the metadata.
 *
 * @author migrate
 */
class CatalogQueries {

	static CatalogQueries forProduct(String productName) {
		return switch (productName.toLowerCase(Locale.ROOT)) {
			case "h2" -> new H2();
			case "postgresql" -> new Postgres();
			case "mariadb", "mysql" -> new MariaDb();
			default -> new CatalogQueries();
		};
	}

	/**
	 * Whether the database made up this name when the object was created, so that it
	 * changes each time the object is created again.
	 */
	boolean isGeneratedName(String name) {
		return false;
	}

	/** Unique constraints by table; empty where they are indexes only. */
	List<Unique> uniqueConstraints(Connection connection, String schema) {
		return List.of();
	}

	/** Check constraints; empty where the database does not expose them. */
	List<Check> checkConstraints(Connection connection, String schema) {
		return List.of();
	}

	/** Indexes that exist only to back a constraint, as "table.index". */
	Set<String> constraintIndexes(Connection connection, String schema) {
		return Set.of();
	}

	/** Sequences by name, with their definition. */
	Map<String, String> sequences(Connection connection, String schema) {
		return Map.of();
	}

	/** View definitions by view name. */
	Map<String, String> viewDefinitions(Connection connection, String schema) {
		return Map.of();
	}

	static JdbcTemplate jdbc(Connection connection) {
		return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
	}

	static List<Unique> standardUniqueConstraints(Connection connection, String schema) {
		Map<String, Unique> constraints = new LinkedHashMap<>();
		jdbc(connection).query("""
				SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, kcu.COLUMN_NAME
				FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
				JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE kcu ON kcu.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
					AND kcu.CONSTRAINT_NAME = tc.CONSTRAINT_NAME AND kcu.TABLE_NAME = tc.TABLE_NAME
				WHERE tc.CONSTRAINT_TYPE = 'UNIQUE' AND tc.TABLE_SCHEMA = ?
				ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, kcu.ORDINAL_POSITION""", (rs) -> {
			String table = rs.getString(1);
			String name = rs.getString(2);
			constraints.computeIfAbsent(table + "." + name, (key) -> new Unique(table, name, new ArrayList<>()))
				.columns()
				.add(rs.getString(3));
		}, schema);
		return List.copyOf(constraints.values());
	}

	static Map<String, String> standardSequences(Connection connection, String schema) {
		Map<String, String> sequences = new LinkedHashMap<>();
		jdbc(connection).query("""
				SELECT SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE, CYCLE_OPTION
				FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ? ORDER BY SEQUENCE_NAME""", (rs) -> {
			sequences.put(rs.getString(1), sequenceDefinition(rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), "YES".equalsIgnoreCase(rs.getString(7))));
		}, schema);
		return sequences;
	}

	static String sequenceDefinition(String dataType, String start, String increment, String min, String max,
			boolean cycle) {
		return (dataType.isEmpty() ? "" : dataType.toUpperCase(Locale.ROOT) + " ") + "START WITH " + start
				+ " INCREMENT BY " + increment + " MINVALUE " + min + " MAXVALUE " + max
				+ (cycle ? " CYCLE" : " NO CYCLE");
	}

	static Map<String, String> standardViewDefinitions(Connection connection, String schema) {
		Map<String, String> views = new LinkedHashMap<>();
		jdbc(connection).query(
				"SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME",
				(rs) -> {
					String definition = rs.getString(2);
					views.put(rs.getString(1), (definition != null) ? normalizeSpace(definition) : "");
				}, schema);
		return views;
	}

	static String normalizeSpace(String sql) {
		String normalized = sql.trim().replaceAll("\\s+", " ");
		return normalized.endsWith(";") ? normalized.substring(0, normalized.length() - 1).trim() : normalized;
	}

	/** A unique constraint. */
	record Unique(String table, String name, List<String> columns) {
	}

	/** A check constraint with its clause as the database shows it. */
	record Check(String table, String name, String clause) {
	}

	/**
	 * The standard INFORMATION_SCHEMA views: unique constraints, sequences and view
	 * definitions, as H2, PostgreSQL and MariaDB show them.
	 */
	abstract static class InformationSchema extends CatalogQueries {

		@Override
		List<Unique> uniqueConstraints(Connection connection, String schema) {
			return standardUniqueConstraints(connection, schema);
		}

		@Override
		Map<String, String> sequences(Connection connection, String schema) {
			return standardSequences(connection, schema);
		}

		@Override
		Map<String, String> viewDefinitions(Connection connection, String schema) {
			return standardViewDefinitions(connection, schema);
		}

	}

	/**
	 * H2 2.x: INFORMATION_SCHEMA has everything; unnamed constraints and the indexes
	 * behind constraints get names with a counter that changes on every creation.
	 */
	static final class H2 extends InformationSchema {

		private static final Pattern GENERATED = Pattern
			.compile("CONSTRAINT_[0-9A-F]+|PRIMARY_KEY_[0-9A-F]+|.*_INDEX_[0-9A-F]+");

		@Override
		boolean isGeneratedName(String name) {
			return GENERATED.matcher(name).matches();
		}

		@Override
		List<Check> checkConstraints(Connection connection, String schema) {
			return jdbc(connection).query("""
					SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE
					FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
					JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
						AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
					WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND tc.TABLE_SCHEMA = ?""",
					(rs, row) -> new Check(rs.getString(1), rs.getString(2), "CHECK (" + rs.getString(3) + ")"),
					schema);
		}

		@Override
		Set<String> constraintIndexes(Connection connection, String schema) {
			// Indexes behind keys always; behind foreign keys only when H2 made them up
			// (a user's own index that a foreign key reuses stays in the snapshot).
			return jdbc(connection).query("""
					SELECT TABLE_NAME, INDEX_NAME, CONSTRAINT_TYPE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS
					WHERE TABLE_SCHEMA = ? AND INDEX_NAME IS NOT NULL""", (rs, row) -> {
				String index = rs.getString(2);
				boolean backing = !"FOREIGN KEY".equals(rs.getString(3)) || isGeneratedName(index);
				return backing ? rs.getString(1) + "." + index : "";
			}, schema).stream().filter((name) -> !name.isEmpty()).collect(Collectors.toSet());
		}

	}

	/**
	 * PostgreSQL: check constraints from {@code pg_constraint}, because
	 * {@code information_schema} also lists NOT NULL as checks named after object ids.
	 */
	static final class Postgres extends InformationSchema {

		@Override
		List<Check> checkConstraints(Connection connection, String schema) {
			return jdbc(connection).query("""
					SELECT rel.relname, con.conname, pg_get_constraintdef(con.oid)
					FROM pg_catalog.pg_constraint con
					JOIN pg_catalog.pg_class rel ON rel.oid = con.conrelid
					JOIN pg_catalog.pg_namespace nsp ON nsp.oid = con.connamespace
					WHERE con.contype = 'c' AND nsp.nspname = ?""",
					(rs, row) -> new Check(rs.getString(1), rs.getString(2), rs.getString(3)), schema);
		}

	}

	/**
	 * MariaDB and MySQL: unique constraints are unique indexes, so they show as indexes;
	 * sequences (MariaDB 10.3+) are tables of type SEQUENCE whose settings are read from
	 * the sequence itself.
	 */
	static final class MariaDb extends InformationSchema {

		@Override
		List<Unique> uniqueConstraints(Connection connection, String schema) {
			return List.of();
		}

		@Override
		List<Check> checkConstraints(Connection connection, String schema) {
			try {
				return jdbc(connection).query(
						"SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS"
								+ " WHERE CONSTRAINT_SCHEMA = ?",
						(rs, row) -> new Check(rs.getString(1), rs.getString(2), "CHECK (" + rs.getString(3) + ")"),
						schema);
			}
			catch (RuntimeException ex) {
				// MySQL before 8.0.16 has no CHECK_CONSTRAINTS: it does not keep checks.
				return List.of();
			}
		}

		@Override
		Map<String, String> sequences(Connection connection, String schema) {
			JdbcTemplate jdbc = jdbc(connection);
			List<String> names = jdbc.queryForList(
					"SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
							+ " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'SEQUENCE' ORDER BY TABLE_NAME",
					String.class, schema);
			Map<String, String> sequences = new LinkedHashMap<>();
			for (String name : names) {
				jdbc.query("SELECT start_value, increment, minimum_value, maximum_value, cycle_option FROM `"
						+ schema.replace("`", "``") + "`.`" + name.replace("`", "``") + "`", (rs) -> {
							sequences.put(name, sequenceDefinition("", rs.getString(1), rs.getString(2),
									rs.getString(3), rs.getString(4), rs.getInt(5) != 0));
						});
			}
			return sequences;
		}

	}

}
