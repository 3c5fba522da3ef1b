package dev.migrate.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import dev.migrate.schema.SchemaObject.Kind;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What {@link java.sql.DatabaseMetaData} does not tell, per database: unique and check
 * constraints, sequences, view definitions, which indexes merely back a constraint, which
 * names the database generated, and the objects and options the metadata does not list at
 * all (triggers, routines, types, comments, collations, index methods, table options,
 * grants). Chosen from the product name, like migrate-core's dialects; the default reads
 * nothing beyond the metadata. Subclasses: {@link H2Catalog}, {@link PostgresCatalog},
 * {@link MariaDbCatalog}.
 */
class CatalogQueries {

	static CatalogQueries forProduct(String productName) {
		return switch (productName.toLowerCase(Locale.ROOT)) {
			case "h2" -> new H2Catalog();
			case "postgresql" -> new PostgresCatalog();
			case "mariadb", "mysql" -> new MariaDbCatalog();
			default -> new CatalogQueries();
		};
	}

	/**
	 * Whether a table type that {@link java.sql.DatabaseMetaData#getTables} reports is a
	 * table whose columns, keys and indexes the snapshot reads.
	 */
	boolean isTable(String type) {
		return type.equals("TABLE") || type.equals("BASE TABLE");
	}

	/**
	 * The schemas (for MySQL and MariaDB: databases) the account can see, leaving out the
	 * database's own.
	 */
	Set<String> schemaNames(Connection connection) throws SQLException {
		Set<String> names = new TreeSet<>();
		try (ResultSet rs = connection.getMetaData().getSchemas()) {
			while (rs.next()) {
				String name = rs.getString("TABLE_SCHEM");
				if (name != null && !name.equalsIgnoreCase("INFORMATION_SCHEMA")) {
					names.add(name);
				}
			}
		}
		return names;
	}

	/** Options of each table by table name, such as {@code ENGINE=MyISAM}. */
	Map<String, String> tableOptions(Reading reading) {
		return Map.of();
	}

	/**
	 * What a column's definition holds beyond type, nullability and default, by
	 * {@code table.column}, such as {@code ON UPDATE CURRENT_TIMESTAMP}.
	 */
	Map<String, String> columnOptions(Reading reading) {
		return Map.of();
	}

	/** Method, options and exact columns of indexes, by {@code table.index}. */
	Map<String, IndexDetail> indexDetails(Reading reading) {
		return Map.of();
	}

	/**
	 * Objects that {@link java.sql.DatabaseMetaData} does not list at all: triggers,
	 * routines, types, extensions, materialized views, policies, grants and comments.
	 */
	List<SchemaObject> objects(Reading reading) {
		return List.of();
	}

	static SchemaObject object(Kind kind, @Nullable String table, String identity, String label, String definition) {
		return new SchemaObject(kind, table, identity, label, definition);
	}

	static SchemaObject object(Kind kind, @Nullable String table, String label, String definition) {
		return new SchemaObject(kind, table, label, label, definition);
	}

	static SchemaObject comment(@Nullable String table, String on, @Nullable String text) {
		return object(Kind.COMMENT, table, "comment on " + on, quote(Objects.requireNonNullElse(text, "")));
	}

	static String quote(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	/** A short stand-in for a long text, the same whenever the text is. */
	static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A routine's body as the diff shows it: whitespace normalized, long ones hashed. */
	static String body(String body) {
		String normalized = normalizeSpace(body);
		return (normalized.length() <= 160) ? normalized : normalized.substring(0, 100) + "... (" + normalized.length()
				+ " characters, sha256 " + digest(normalized) + ")";
	}

	/**
	 * One schema being read, with the names the snapshot shows: {@code name} qualifies an
	 * object of this schema when it is not the compared one, {@code local} shows a column
	 * or other name that needs no schema.
	 */
	record Reading(Connection connection, String schema, UnaryOperator<String> name, UnaryOperator<String> local,
			Consumer<String> notChecked) {

		JdbcTemplate jdbc() {
			return CatalogQueries.jdbc(this.connection);
		}

		String name(String raw) {
			return this.name.apply(raw);
		}

		String local(String raw) {
			return this.local.apply(raw);
		}

	}

	/**
	 * How the database describes an index beyond {@link java.sql.DatabaseMetaData}.
	 *
	 * @param columns the key columns as the database shows them (prefix lengths,
	 * expressions, operator classes), or {@code null} to keep the metadata's
	 * @param options method and options, starting with a space, or empty
	 */
	record IndexDetail(@Nullable String columns, String options) {
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

	/** Sequences by name, with their settings. */
	Map<String, SequenceSettings> sequences(Connection connection, String schema) {
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

	static Map<String, SequenceSettings> standardSequences(Connection connection, String schema) {
		Map<String, SequenceSettings> sequences = new LinkedHashMap<>();
		jdbc(connection).query("""
				SELECT SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE, CYCLE_OPTION
				FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ? ORDER BY SEQUENCE_NAME""", (rs) -> {
			sequences.put(rs.getString(1), new SequenceSettings(rs.getString(2), rs.getString(3), rs.getString(4),
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

	/** What a sequence is created with. */
	record SequenceSettings(String dataType, String start, String increment, String min, String max, boolean cycle) {

		String definition() {
			return sequenceDefinition(this.dataType, this.start, this.increment, this.min, this.max, this.cycle);
		}

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
		Map<String, SequenceSettings> sequences(Connection connection, String schema) {
			return standardSequences(connection, schema);
		}

		@Override
		Map<String, String> viewDefinitions(Connection connection, String schema) {
			return standardViewDefinitions(connection, schema);
		}

	}

}
