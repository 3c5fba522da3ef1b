package dev.migrate.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migrate.schema.SchemaObject.Kind;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * H2 2.x: INFORMATION_SCHEMA has everything; unnamed constraints and the indexes behind
 * constraints get names with a counter that changes on every creation. Besides tables, H2
 * has triggers (Java classes), functions and procedures (Java aliases or source),
 * domains, comments, identity, generation and {@code ON UPDATE} of columns, and hash and
 * {@code NULLS NOT DISTINCT} indexes; no per-column collation, materialized views,
 * row-level security or storage engines to choose.
 */
class H2Catalog extends CatalogQueries.InformationSchema {

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
				(rs, row) -> new Check(rs.getString(1), rs.getString(2), "CHECK (" + rs.getString(3) + ")"), schema);
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

	@Override
	Set<String> schemaNames(Connection connection) throws SQLException {
		return new TreeSet<>(jdbc(connection).queryForList(
				"SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME <> 'INFORMATION_SCHEMA'",
				String.class));
	}

	@Override
	Map<String, String> columnOptions(Reading reading) {
		Map<String, String> options = new HashMap<>();
		reading.jdbc().query("""
				SELECT TABLE_NAME, COLUMN_NAME, COLUMN_ON_UPDATE, IS_IDENTITY, IDENTITY_GENERATION, IDENTITY_START,
					IDENTITY_INCREMENT, IDENTITY_MINIMUM, IDENTITY_MAXIMUM, IDENTITY_CYCLE, GENERATION_EXPRESSION,
					DOMAIN_NAME, IS_VISIBLE
				FROM INFORMATION_SCHEMA.COLUMNS c WHERE TABLE_SCHEMA = ? AND EXISTS (SELECT 1 FROM
					INFORMATION_SCHEMA.TABLES t WHERE t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
					AND t.TABLE_TYPE = 'BASE TABLE')""", (rs) -> {
			List<String> text = new ArrayList<>();
			if (rs.getString(12) != null) {
				text.add("DOMAIN " + reading.name(rs.getString(12)));
			}
			if ("YES".equals(rs.getString(4))) {
				text.add("GENERATED " + rs.getString(5) + " AS IDENTITY (" + sequenceDefinition("", rs.getString(6),
						rs.getString(7), rs.getString(8), rs.getString(9), "YES".equals(rs.getString(10))) + ")");
			}
			if (rs.getString(11) != null) {
				text.add("GENERATED ALWAYS AS (" + rs.getString(11) + ")");
			}
			if (rs.getString(3) != null) {
				text.add("ON UPDATE " + rs.getString(3));
			}
			if (!rs.getBoolean(13)) {
				text.add("INVISIBLE");
			}
			if (!text.isEmpty()) {
				options.put(rs.getString(1) + "." + rs.getString(2), String.join(" ", text));
			}
		}, reading.schema());
		return options;
	}

	@Override
	Map<String, IndexDetail> indexDetails(Reading reading) {
		Map<String, IndexDetail> details = new HashMap<>();
		reading.jdbc().query("""
				SELECT TABLE_NAME, INDEX_NAME, INDEX_TYPE_NAME, NULLS_DISTINCT FROM INFORMATION_SCHEMA.INDEXES
				WHERE TABLE_SCHEMA = ?""", (rs) -> {
			String type = rs.getString(3).toUpperCase(Locale.ROOT);
			StringBuilder options = new StringBuilder();
			if (type.contains("HASH")) {
				options.append(" HASH");
			}
			if (type.contains("SPATIAL")) {
				options.append(" SPATIAL");
			}
			if ("NO".equals(rs.getString(4))) {
				options.append(" NULLS NOT DISTINCT");
			}
			else if ("ALL".equals(rs.getString(4))) {
				options.append(" NULLS ALL DISTINCT");
			}
			details.put(rs.getString(1) + "." + rs.getString(2), new IndexDetail(null, options.toString()));
		}, reading.schema());
		return details;
	}

	@Override
	List<SchemaObject> objects(Reading reading) {
		List<SchemaObject> objects = new ArrayList<>();
		JdbcTemplate jdbc = reading.jdbc();
		objects.addAll(jdbc.query("""
				SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORIENTATION,
					JAVA_CLASS, QUEUE_SIZE, NO_WAIT, REMARKS
				FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = ?""", (rs, row) -> {
			String table = reading.name(rs.getString(1));
			String name = reading.local(rs.getString(2));
			return object(Kind.TRIGGER, table, "trigger " + table + "." + name,
					"trigger " + name + " on " + table + " (" + rs.getString(3) + " " + rs.getString(4) + ")",
					"FOR EACH " + rs.getString(5) + " CALL " + rs.getString(6) + " QUEUE " + rs.getInt(7)
							+ (rs.getBoolean(8) ? " NOWAIT" : ""));
		}, reading.schema()));
		Map<String, List<String>> parameters = new HashMap<>();
		jdbc.query("""
				SELECT SPECIFIC_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.PARAMETERS
				WHERE SPECIFIC_SCHEMA = ? ORDER BY SPECIFIC_NAME, ORDINAL_POSITION""", (rs) -> {
			parameters.computeIfAbsent(rs.getString(1), (key) -> new ArrayList<>()).add(rs.getString(2));
		}, reading.schema());
		objects.addAll(jdbc.query("""
				SELECT ROUTINE_NAME, SPECIFIC_NAME, ROUTINE_TYPE, DATA_TYPE, EXTERNAL_NAME, ROUTINE_DEFINITION,
					IS_DETERMINISTIC
				FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = ?""", (rs, row) -> {
			String kind = rs.getString(3).toLowerCase(Locale.ROOT);
			String signature = kind + " " + reading.name(rs.getString(1)) + "("
					+ String.join(", ", parameters.getOrDefault(rs.getString(2), List.of())) + ")";
			String runs = (rs.getString(5) != null) ? "FOR '" + rs.getString(5) + "'"
					: "AS " + body(String.valueOf(rs.getString(6)));
			return object(Kind.ROUTINE, null, signature,
					((rs.getString(4) != null) ? "RETURNS " + rs.getString(4) + " " : "") + runs
							+ ("YES".equals(rs.getString(7)) ? " DETERMINISTIC" : ""));
		}, reading.schema()));
		Map<String, List<String>> domainChecks = new HashMap<>();
		jdbc.query("""
				SELECT dc.DOMAIN_NAME, dc.CONSTRAINT_NAME, cc.CHECK_CLAUSE
				FROM INFORMATION_SCHEMA.DOMAIN_CONSTRAINTS dc
				JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = dc.CONSTRAINT_SCHEMA
					AND cc.CONSTRAINT_NAME = dc.CONSTRAINT_NAME
				WHERE dc.DOMAIN_SCHEMA = ? ORDER BY cc.CHECK_CLAUSE""", (rs) -> {
			String name = isGeneratedName(rs.getString(2)) ? "" : "CONSTRAINT " + reading.local(rs.getString(2)) + " ";
			domainChecks.computeIfAbsent(rs.getString(1), (key) -> new ArrayList<>())
				.add(name + "CHECK (" + rs.getString(3) + ")");
		}, reading.schema());
		objects.addAll(jdbc.query("""
				SELECT DOMAIN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE,
					DOMAIN_DEFAULT, DOMAIN_ON_UPDATE, PARENT_DOMAIN_NAME
				FROM INFORMATION_SCHEMA.DOMAINS WHERE DOMAIN_SCHEMA = ?""", (rs, row) -> {
			StringBuilder definition = new StringBuilder("AS ");
			if (rs.getString(8) != null) {
				definition.append(reading.name(rs.getString(8)));
			}
			else {
				definition.append(rs.getString(2));
				if (rs.getObject(3) != null) {
					definition.append('(').append(rs.getLong(3)).append(')');
				}
				else if (rs.getString(2).equals("NUMERIC") || rs.getString(2).equals("DECIMAL")) {
					definition.append('(').append(rs.getInt(4)).append(',').append(rs.getInt(5)).append(')');
				}
			}
			if (rs.getString(6) != null) {
				definition.append(" DEFAULT ").append(rs.getString(6));
			}
			if (rs.getString(7) != null) {
				definition.append(" ON UPDATE ").append(rs.getString(7));
			}
			for (String check : domainChecks.getOrDefault(rs.getString(1), List.of())) {
				definition.append(' ').append(check);
			}
			String name = reading.name(rs.getString(1));
			return object(Kind.TYPE, null, "type " + name, "domain " + name, definition.toString());
		}, reading.schema()));
		objects.addAll(comments(reading));
		return objects;
	}

	private List<SchemaObject> comments(Reading reading) {
		JdbcTemplate jdbc = reading.jdbc();
		List<SchemaObject> comments = new ArrayList<>();
		jdbc.query("SELECT TABLE_NAME, TABLE_TYPE, REMARKS FROM INFORMATION_SCHEMA.TABLES"
				+ " WHERE TABLE_SCHEMA = ? AND REMARKS IS NOT NULL AND REMARKS <> ''", (rs) -> {
					String name = reading.name(rs.getString(1));
					boolean view = "VIEW".equals(rs.getString(2));
					comments.add(comment(view ? null : name, (view ? "view " : "table ") + name, rs.getString(3)));
				}, reading.schema());
		jdbc.query("SELECT TABLE_NAME, COLUMN_NAME, REMARKS FROM INFORMATION_SCHEMA.COLUMNS"
				+ " WHERE TABLE_SCHEMA = ? AND REMARKS IS NOT NULL AND REMARKS <> ''", (rs) -> {
					String table = reading.name(rs.getString(1));
					comments
						.add(comment(table, "column " + table + "." + reading.local(rs.getString(2)), rs.getString(3)));
				}, reading.schema());
		jdbc.query("SELECT TABLE_NAME, INDEX_NAME, REMARKS FROM INFORMATION_SCHEMA.INDEXES"
				+ " WHERE TABLE_SCHEMA = ? AND REMARKS IS NOT NULL AND REMARKS <> ''", (rs) -> {
					comments.add(comment(reading.name(rs.getString(1)), "index " + reading.local(rs.getString(2)),
							rs.getString(3)));
				}, reading.schema());
		jdbc.query("SELECT DOMAIN_NAME, REMARKS FROM INFORMATION_SCHEMA.DOMAINS"
				+ " WHERE DOMAIN_SCHEMA = ? AND REMARKS IS NOT NULL AND REMARKS <> ''", (rs) -> {
					comments.add(comment(null, "domain " + reading.name(rs.getString(1)), rs.getString(2)));
				}, reading.schema());
		jdbc.query("SELECT SEQUENCE_NAME, REMARKS FROM INFORMATION_SCHEMA.SEQUENCES"
				+ " WHERE SEQUENCE_SCHEMA = ? AND REMARKS IS NOT NULL AND REMARKS <> ''", (rs) -> {
					comments.add(comment(null, "sequence " + reading.name(rs.getString(1)), rs.getString(2)));
				}, reading.schema());
		jdbc.query("SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, REMARKS FROM INFORMATION_SCHEMA.TRIGGERS"
				+ " WHERE TRIGGER_SCHEMA = ? AND REMARKS IS NOT NULL AND REMARKS <> ''", (rs) -> {
					String table = reading.name(rs.getString(2));
					comments.add(comment(table, "trigger " + reading.local(rs.getString(1)) + " on " + table,
							rs.getString(3)));
				}, reading.schema());
		jdbc.query("SELECT ROUTINE_TYPE, ROUTINE_NAME, REMARKS FROM INFORMATION_SCHEMA.ROUTINES"
				+ " WHERE ROUTINE_SCHEMA = ? AND REMARKS IS NOT NULL AND REMARKS <> ''", (rs) -> {
					comments.add(comment(null,
							rs.getString(1).toLowerCase(Locale.ROOT) + " " + reading.name(rs.getString(2)),
							rs.getString(3)));
				}, reading.schema());
		return comments;
	}

}
