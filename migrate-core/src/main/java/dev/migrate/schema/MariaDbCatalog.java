package dev.migrate.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.migrate.schema.SchemaObject.Kind;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * MariaDB and MySQL: unique constraints are unique indexes, so they show as indexes;
 * sequences (MariaDB 10.3+) are tables of type SEQUENCE whose settings are read from the
 * sequence itself. From {@code information_schema} also: engine, collation, options and
 * partitions of tables; character set, collation, {@code ON UPDATE}, generation and
 * visibility of columns; index types and prefix lengths; triggers, routines and events;
 * comments. Triggers and events are listed only to accounts with the {@code TRIGGER} and
 * {@code EVENT} privileges, and routine bodies only to their definer or an account that
 * may read them: without those, the category is reported as not checked.
 */
class MariaDbCatalog extends CatalogQueries.InformationSchema {

	private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "mysql", "performance_schema",
			"sys");

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
	Map<String, SequenceSettings> sequences(Connection connection, String schema) {
		JdbcTemplate jdbc = jdbc(connection);
		List<String> names = jdbc.queryForList(
				"SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
						+ " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'SEQUENCE' ORDER BY TABLE_NAME",
				String.class, schema);
		Map<String, SequenceSettings> sequences = new LinkedHashMap<>();
		for (String name : names) {
			jdbc.query("SELECT start_value, increment, minimum_value, maximum_value, cycle_option FROM `"
					+ schema.replace("`", "``") + "`.`" + name.replace("`", "``") + "`", (rs) -> {
						sequences.put(name, new SequenceSettings("", rs.getString(1), rs.getString(2), rs.getString(3),
								rs.getString(4), rs.getInt(5) != 0));
					});
		}
		return sequences;
	}

	@Override
	Set<String> schemaNames(Connection connection) throws SQLException {
		Set<String> names = new TreeSet<>();
		for (String name : jdbc(connection).queryForList("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA",
				String.class)) {
			if (!SYSTEM_SCHEMAS.contains(name.toLowerCase(Locale.ROOT))) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * Engine when it is not the server's default, collation when it is not the
	 * database's, create options, partitions.
	 */
	@Override
	Map<String, String> tableOptions(Reading reading) {
		JdbcTemplate jdbc = reading.jdbc();
		String defaultEngine = jdbc.queryForObject("SELECT @@default_storage_engine", String.class);
		Map<String, String> options = new HashMap<>();
		Map<String, StringBuilder> partitions = new HashMap<>();
		jdbc.query("""
				SELECT TABLE_NAME, PARTITION_METHOD, PARTITION_EXPRESSION, PARTITION_NAME, PARTITION_DESCRIPTION,
					SUBPARTITION_METHOD, SUBPARTITION_EXPRESSION, SUBPARTITION_NAME
				FROM INFORMATION_SCHEMA.PARTITIONS WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL
				ORDER BY TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION""", (rs) -> {
			StringBuilder text = partitions.get(rs.getString(1));
			if (text == null) {
				text = new StringBuilder("PARTITION BY ").append(rs.getString(2))
					.append(" (")
					.append(rs.getString(3))
					.append(")");
				if (rs.getString(6) != null) {
					text.append(" SUBPARTITION BY ")
						.append(rs.getString(6))
						.append(" (")
						.append(rs.getString(7))
						.append(")");
				}
				text.append(" (");
				partitions.put(rs.getString(1), text);
			}
			else {
				text.append(", ");
			}
			text.append(rs.getString(4));
			if (rs.getString(8) != null) {
				text.append('.').append(rs.getString(8));
			}
			String method = rs.getString(2);
			if (rs.getString(5) != null && method.startsWith("RANGE")) {
				text.append(" VALUES LESS THAN (").append(rs.getString(5)).append(')');
			}
			else if (rs.getString(5) != null && method.startsWith("LIST")) {
				text.append(" VALUES IN (").append(rs.getString(5)).append(')');
			}
		}, reading.schema());
		jdbc.query("""
				SELECT t.TABLE_NAME, t.ENGINE, t.TABLE_COLLATION, t.CREATE_OPTIONS, s.DEFAULT_COLLATION_NAME
				FROM INFORMATION_SCHEMA.TABLES t JOIN INFORMATION_SCHEMA.SCHEMATA s ON s.SCHEMA_NAME = t.TABLE_SCHEMA
				WHERE t.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE'""", (rs) -> {
			List<String> text = new ArrayList<>();
			if (rs.getString(2) != null && !rs.getString(2).equalsIgnoreCase(defaultEngine)) {
				text.add("ENGINE=" + rs.getString(2));
			}
			if (rs.getString(3) != null && !rs.getString(3).equalsIgnoreCase(rs.getString(5))) {
				text.add("COLLATE " + rs.getString(3));
			}
			String createOptions = (rs.getString(4) != null) ? rs.getString(4).trim() : "";
			for (String option : createOptions.split("\\s+")) {
				if (!option.isEmpty() && !option.equalsIgnoreCase("partitioned")) {
					text.add(option);
				}
			}
			StringBuilder partitioning = partitions.get(rs.getString(1));
			if (partitioning != null) {
				text.add(partitioning + ")");
			}
			if (!text.isEmpty()) {
				options.put(rs.getString(1), String.join(" ", text));
			}
		}, reading.schema());
		return options;
	}

	@Override
	Map<String, String> columnOptions(Reading reading) {
		Map<String, String> options = new HashMap<>();
		reading.jdbc().query("""
				SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.EXTRA, c.GENERATION_EXPRESSION,
					c.CHARACTER_SET_NAME, c.COLLATION_NAME, t.TABLE_COLLATION
				FROM INFORMATION_SCHEMA.COLUMNS c JOIN INFORMATION_SCHEMA.TABLES t
					ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
				WHERE c.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE'""", (rs) -> {
			List<String> text = new ArrayList<>();
			String type = rs.getString(3).toLowerCase(Locale.ROOT);
			if (type.startsWith("enum(") || type.startsWith("set(") || type.contains(" unsigned")
					|| type.contains(" zerofill")) {
				text.add(rs.getString(3).toUpperCase(Locale.ROOT).replace("UNSIGNED ZEROFILL", "ZEROFILL"));
			}
			if (rs.getString(7) != null && !rs.getString(7).equalsIgnoreCase(rs.getString(8))) {
				text.add("CHARACTER SET " + rs.getString(6) + " COLLATE " + rs.getString(7));
			}
			if (rs.getString(5) != null && !rs.getString(5).isEmpty()) {
				text.add("AS (" + rs.getString(5) + ")");
			}
			String extra = (rs.getString(4) != null) ? rs.getString(4).trim() : "";
			extra = extra.replaceAll("(?i)auto_increment", "").trim();
			if (!extra.isEmpty()) {
				text.add(extra.toUpperCase(Locale.ROOT));
			}
			if (!text.isEmpty()) {
				options.put(rs.getString(1) + "." + rs.getString(2), String.join(" ", text));
			}
		}, reading.schema());
		return options;
	}

	@Override
	Map<String, IndexDetail> indexDetails(Reading reading) {
		record Part(String table, String index, String type, List<String> columns) {
		}
		Map<String, Part> parts = new LinkedHashMap<>();
		reading.jdbc().query("""
				SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME, SUB_PART, COLLATION, INDEX_TYPE
				FROM INFORMATION_SCHEMA.STATISTICS WHERE TABLE_SCHEMA = ?
				ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX""", (rs) -> {
			String type = rs.getString(6);
			Part part = parts.computeIfAbsent(rs.getString(1) + "." + rs.getString(2),
					(key) -> new Part(key, key, type, new ArrayList<>()));
			part.columns()
				.add(reading.local(rs.getString(3)) + ((rs.getString(4) != null) ? "(" + rs.getString(4) + ")" : "")
						+ ("D".equals(rs.getString(5)) ? " DESC" : ""));
		}, reading.schema());
		Map<String, IndexDetail> details = new HashMap<>();
		parts.forEach((key, part) -> details.put(key, new IndexDetail(String.join(", ", part.columns()),
				"BTREE".equalsIgnoreCase(part.type()) ? "" : " " + part.type())));
		return details;
	}

	@Override
	List<SchemaObject> objects(Reading reading) {
		List<SchemaObject> objects = new ArrayList<>();
		if (mayRead(reading, "TRIGGER")) {
			objects.addAll(triggers(reading));
		}
		else {
			reading.notChecked()
				.accept("triggers in " + reading.schema() + " (the account lacks the TRIGGER privilege, and MariaDB"
						+ " lists triggers only to accounts that have it)");
		}
		objects.addAll(routines(reading));
		if (mayRead(reading, "EVENT")) {
			objects.addAll(events(reading));
		}
		else {
			reading.notChecked()
				.accept("events in " + reading.schema() + " (the account lacks the EVENT privilege, and MariaDB"
						+ " lists events only to accounts that have it)");
		}
		objects.addAll(comments(reading));
		return objects;
	}

	/**
	 * Whether the account holds the privilege on every table of the schema, globally or
	 * for the schema (privileges that come only from a role are not seen here).
	 */
	private static boolean mayRead(Reading reading, String privilege) {
		String grantee = "CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''',"
				+ " SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')";
		Integer count = reading.jdbc()
			.queryForObject(
					"SELECT (SELECT COUNT(*) FROM INFORMATION_SCHEMA.USER_PRIVILEGES WHERE GRANTEE = " + grantee
							+ " AND PRIVILEGE_TYPE = ?) + (SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMA_PRIVILEGES"
							+ " WHERE GRANTEE = " + grantee + " AND PRIVILEGE_TYPE = ? AND ? LIKE TABLE_SCHEMA)",
					Integer.class, privilege, privilege, reading.schema());
		return count != null && count > 0;
	}

	private List<SchemaObject> triggers(Reading reading) {
		return reading.jdbc().query("""
				SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORIENTATION,
					ACTION_STATEMENT, ACTION_ORDER
				FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = ?""", (rs, row) -> {
			String table = reading.name(rs.getString(1));
			String name = reading.local(rs.getString(2));
			return object(Kind.TRIGGER, table, "trigger " + table + "." + name,
					"trigger " + name + " on " + table + " (" + rs.getString(3) + " " + rs.getString(4) + ")",
					"FOR EACH " + rs.getString(5) + " ORDER " + rs.getInt(7) + " " + body(rs.getString(6)));
		}, reading.schema());
	}

	private List<SchemaObject> routines(Reading reading) {
		Map<String, List<String>> parameters = new HashMap<>();
		reading.jdbc().query("""
				SELECT SPECIFIC_NAME, ROUTINE_TYPE, PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER
				FROM INFORMATION_SCHEMA.PARAMETERS WHERE SPECIFIC_SCHEMA = ? AND ORDINAL_POSITION > 0
				ORDER BY SPECIFIC_NAME, ORDINAL_POSITION""", (rs) -> {
			String mode = "PROCEDURE".equals(rs.getString(2)) ? rs.getString(3) + " " : "";
			parameters.computeIfAbsent(rs.getString(2) + " " + rs.getString(1), (key) -> new ArrayList<>())
				.add(mode + rs.getString(4) + " " + rs.getString(5));
		}, reading.schema());
		List<String> unreadable = new ArrayList<>();
		List<SchemaObject> routines = reading.jdbc().query("""
				SELECT ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, ROUTINE_DEFINITION, IS_DETERMINISTIC,
					SQL_DATA_ACCESS, SECURITY_TYPE
				FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = ?""", (rs, row) -> {
			String type = rs.getString(2);
			String name = reading.name(rs.getString(1));
			String body = rs.getString(4);
			if (body == null) {
				unreadable.add(name);
			}
			String signature = type.toLowerCase(Locale.ROOT) + " " + name + "("
					+ String.join(", ", parameters.getOrDefault(type + " " + rs.getString(1), List.of())) + ")";
			return object(Kind.ROUTINE, null, signature,
					(("FUNCTION".equals(type)) ? "RETURNS " + rs.getString(3) + " " : "")
							+ ("YES".equals(rs.getString(5)) ? "DETERMINISTIC " : "NOT DETERMINISTIC ")
							+ rs.getString(6) + " SQL SECURITY " + rs.getString(7)
							+ ((body != null) ? " " + body(body) : ""));
		}, reading.schema());
		if (!unreadable.isEmpty()) {
			reading.notChecked()
				.accept("bodies of routines in " + reading.schema() + " (" + String.join(", ", unreadable)
						+ "): the account is not their definer and lacks the privilege to read them");
		}
		return routines;
	}

	private List<SchemaObject> events(Reading reading) {
		return reading.jdbc().query("""
				SELECT EVENT_NAME, EVENT_TYPE, INTERVAL_VALUE, INTERVAL_FIELD, STATUS, ON_COMPLETION, EVENT_DEFINITION
				FROM INFORMATION_SCHEMA.EVENTS WHERE EVENT_SCHEMA = ?""", (rs, row) -> {
			// Start and end times default to the moment of creation: left out.
			String schedule = "RECURRING".equals(rs.getString(2)) ? "EVERY " + rs.getString(3) + " " + rs.getString(4)
					: "AT a given time";
			return object(Kind.ROUTINE, null, "event " + reading.name(rs.getString(1)), schedule + " " + rs.getString(5)
					+ " ON COMPLETION " + rs.getString(6) + " DO " + body(rs.getString(7)));
		}, reading.schema());
	}

	private List<SchemaObject> comments(Reading reading) {
		JdbcTemplate jdbc = reading.jdbc();
		List<SchemaObject> comments = new ArrayList<>();
		jdbc.query("SELECT TABLE_NAME, TABLE_COMMENT FROM INFORMATION_SCHEMA.TABLES"
				+ " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' AND TABLE_COMMENT <> ''", (rs) -> {
					String table = reading.name(rs.getString(1));
					comments.add(comment(table, "table " + table, rs.getString(2)));
				}, reading.schema());
		jdbc.query("SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_COMMENT FROM INFORMATION_SCHEMA.COLUMNS c"
				+ " JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
				+ " WHERE c.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE' AND c.COLUMN_COMMENT <> ''", (rs) -> {
					String table = reading.name(rs.getString(1));
					comments
						.add(comment(table, "column " + table + "." + reading.local(rs.getString(2)), rs.getString(3)));
				}, reading.schema());
		jdbc.query("SELECT DISTINCT TABLE_NAME, INDEX_NAME, INDEX_COMMENT FROM INFORMATION_SCHEMA.STATISTICS"
				+ " WHERE TABLE_SCHEMA = ? AND INDEX_COMMENT <> ''", (rs) -> {
					String table = reading.name(rs.getString(1));
					comments.add(comment(table, "index " + reading.local(rs.getString(2)), rs.getString(3)));
				}, reading.schema());
		jdbc.query("SELECT ROUTINE_TYPE, ROUTINE_NAME, ROUTINE_COMMENT FROM INFORMATION_SCHEMA.ROUTINES"
				+ " WHERE ROUTINE_SCHEMA = ? AND ROUTINE_COMMENT <> ''", (rs) -> {
					comments.add(comment(null,
							rs.getString(1).toLowerCase(Locale.ROOT) + " " + reading.name(rs.getString(2)),
							rs.getString(3)));
				}, reading.schema());
		return comments;
	}

}
