package dev.migrate.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrate.schema.SchemaObject.Kind;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.util.Assert;

/**
 * The structure of one schema, read from the live database: tables (with the options that
 * change their behaviour), columns (type, size, nullability, default, and identity,
 * generation, collation, {@code ON UPDATE} where the database keeps them), primary keys,
 * foreign keys with their actions, unique constraints, check constraints where the
 * database exposes them, indexes (columns, order, uniqueness, method and options),
 * sequences, views, and where the database has them triggers, functions and procedures,
 * events, types, extensions, materialized views, comments, row-level security policies
 * and grants. Other schemas can be read along with it. migrate's own history and lock
 * tables are left out.
 *
 * <p>
 * Take one before and one after a change and compare them:
 *
 * <pre class="code">
 * SchemaSnapshot before = SchemaSnapshot.of(dataSource);
 * migration.up(jdbc);
 * migration.down(jdbc);
 * SchemaDiff diff = before.diff(SchemaSnapshot.of(dataSource));
 * assertThat(diff.lines()).isEmpty();
 * </pre>
 *
 * Standard JDBC {@link java.sql.DatabaseMetaData} gives tables, columns, keys and indexes
 * on any database; everything else comes from catalog queries for H2 2.x, PostgreSQL and
 * MariaDB/MySQL, and is left out on other databases. What the account may not read is
 * listed in {@link #notChecked()} rather than silently left out.
 *
 * @since 0.1.0
 */
public final class SchemaSnapshot {

	/** Tables a snapshot leaves out by default: migrate's history and lock tables. */
	public static final List<String> DEFAULT_EXCLUDED_TABLES = List.of("migrate_history", "migrate_history_lock");

	private final String database;

	private final String schema;

	private final List<SchemaObject> objects;

	private final Map<String, List<String>> columnOrder;

	private final List<String> notChecked;

	private final List<SchemaTable> tables;

	private final List<SchemaSequence> sequences;

	SchemaSnapshot(String database, String schema, List<SchemaObject> objects, Map<String, List<String>> columnOrder,
			List<String> notChecked, List<SchemaTable> tables, List<SchemaSequence> sequences) {
		this.tables = List.copyOf(tables);
		this.sequences = List.copyOf(sequences);
		this.database = database;
		this.schema = schema;
		this.objects = List.copyOf(objects);
		this.columnOrder = Map.copyOf(columnOrder);
		this.notChecked = List.copyOf(notChecked);
	}

	/**
	 * Read the connection's current schema (for MySQL and MariaDB: its database).
	 * @param dataSource the data source
	 * @return the snapshot
	 * @throws IllegalStateException if the metadata cannot be read
	 */
	public static SchemaSnapshot of(DataSource dataSource) {
		return of(dataSource, null, DEFAULT_EXCLUDED_TABLES);
	}

	/**
	 * Read a schema.
	 * @param dataSource the data source
	 * @param schema the schema (for MySQL and MariaDB: the database), or {@code null} for
	 * the connection's current one
	 * @return the snapshot
	 * @throws IllegalStateException if the metadata cannot be read
	 */
	public static SchemaSnapshot of(DataSource dataSource, @Nullable String schema) {
		return of(dataSource, schema, DEFAULT_EXCLUDED_TABLES);
	}

	/**
	 * Read a schema, leaving out some tables.
	 * @param dataSource the data source
	 * @param schema the schema (for MySQL and MariaDB: the database), or {@code null} for
	 * the connection's current one
	 * @param excludedTables tables to leave out, matched ignoring case; pass
	 * {@link #DEFAULT_EXCLUDED_TABLES} plus your own to keep migrate's tables out
	 * @return the snapshot
	 * @throws IllegalStateException if the metadata cannot be read
	 */
	public static SchemaSnapshot of(DataSource dataSource, @Nullable String schema, Collection<String> excludedTables) {
		return of(dataSource, schema, excludedTables, List.of());
	}

	/**
	 * Read a schema and, after it, other schemas, leaving out some tables. Objects of the
	 * other schemas are named with their schema ({@code table reporting.totals}); each
	 * other schema that exists is itself an object ({@code schema reporting}), one that
	 * does not is left out.
	 * @param dataSource the data source
	 * @param schema the schema (for MySQL and MariaDB: the database), or {@code null} for
	 * the connection's current one
	 * @param excludedTables tables to leave out, in every schema, matched ignoring case
	 * @param otherSchemas more schemas to read, named as the database stores them (H2
	 * folds unquoted names to upper case, PostgreSQL to lower case)
	 * @return the snapshot
	 * @throws IllegalStateException if the metadata cannot be read
	 */
	public static SchemaSnapshot of(DataSource dataSource, @Nullable String schema, Collection<String> excludedTables,
			Collection<String> otherSchemas) {
		Assert.notNull(dataSource, "'dataSource' must not be null");
		Assert.notNull(excludedTables, "'excludedTables' must not be null");
		Assert.notNull(otherSchemas, "'otherSchemas' must not be null");
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return withoutJit(connection,
					(reading) -> new SnapshotReader(reading, schema, Set.copyOf(excludedTables)).read(otherSchemas));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the schema "
					+ ((schema != null) ? "'" + schema + "'" : "of the connection") + ": " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	// PostgreSQL compiles a catalog query whose estimated cost is high (stale statistics
	// of
	// pg_constraint after much DDL suffice) with its JIT: 0.9 s of compilation for a
	// query
	// that runs in milliseconds, several per snapshot. Off while the snapshot reads, then
	// back to the session's own setting.
	private static SchemaSnapshot withoutJit(Connection connection, ConnectionCallback<SchemaSnapshot> read)
			throws SQLException {
		if (!"PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
			return read.doInConnection(connection);
		}
		String jit = jit(connection, "off");
		try {
			return read.doInConnection(connection);
		}
		finally {
			jit(connection, jit);
		}
	}

	// Sets jit and returns the value it had.
	private static String jit(Connection connection, String value) throws SQLException {
		String before;
		try (PreparedStatement show = connection.prepareStatement("SELECT current_setting('jit')");
				ResultSet result = show.executeQuery()) {
			result.next();
			before = result.getString(1);
		}
		try (PreparedStatement set = connection.prepareStatement("SELECT set_config('jit', ?, false)")) {
			set.setString(1, value);
			set.executeQuery().close();
		}
		return before;
	}

	/**
	 * The schemas (for MySQL and MariaDB: databases) the data source's account can see,
	 * as the database stores their names, leaving out the database's own.
	 * @param dataSource the data source
	 * @return the schema names
	 * @throws IllegalStateException if they cannot be read
	 */
	public static Set<String> schemaNames(DataSource dataSource) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return CatalogQueries.forProduct(connection.getMetaData().getDatabaseProductName()).schemaNames(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not list the schemas: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * What the snapshot could not read because the account may not, one line per category
	 * and schema, such as
	 * {@code triggers in shop (the account lacks the TRIGGER privilege ...)}. Empty when
	 * everything the database has was read.
	 * @return the categories not checked
	 */
	public List<String> notChecked() {
		return this.notChecked;
	}

	/**
	 * Name of the database product the snapshot was read from.
	 * @return the product name, such as "PostgreSQL"
	 */
	public String database() {
		return this.database;
	}

	/**
	 * The schema (for MySQL and MariaDB: the database) the snapshot was read from.
	 * @return the schema name
	 */
	public String schema() {
		return this.schema;
	}

	/**
	 * Every object, grouped by table (each table followed by its columns, keys,
	 * constraints and indexes), then sequences and views.
	 * @return the objects
	 */
	public List<SchemaObject> objects() {
		return this.objects;
	}

	/**
	 * The objects of one kind.
	 * @param kind the kind
	 * @return the objects of that kind, in snapshot order
	 */
	public List<SchemaObject> objects(Kind kind) {
		return this.objects.stream().filter((object) -> object.kind() == kind).toList();
	}

	/**
	 * The tables of the compared schema (not of other schemas read along with it) as
	 * structured data: columns, keys, constraints and indexes.
	 * @return the tables, in snapshot order
	 */
	public List<SchemaTable> tables() {
		return this.tables;
	}

	/**
	 * The table of that name in the compared schema, ignoring case.
	 * @param name the table name
	 * @return the table, or {@code null}
	 */
	public @Nullable SchemaTable table(String name) {
		return this.tables.stream().filter((table) -> table.name().equalsIgnoreCase(name)).findFirst().orElse(null);
	}

	/**
	 * The sequences of the compared schema as structured data.
	 * @return the sequences, by name
	 */
	public List<SchemaSequence> sequences() {
		return this.sequences;
	}

	/**
	 * The names of the tables.
	 * @return the table names, as the diff shows them
	 */
	public List<String> tableNames() {
		return objects(Kind.TABLE).stream().map(SchemaObject::table).toList();
	}

	/**
	 * Whether the schema holds no table, sequence or view.
	 * @return {@code true} if it is empty
	 */
	public boolean isEmpty() {
		return this.objects.isEmpty();
	}

	List<String> columnOrder(@Nullable String table) {
		return (table != null) ? this.columnOrder.getOrDefault(table, List.of()) : List.of();
	}

	/**
	 * Compare this snapshot, as the expected state, with another.
	 * @param actual the snapshot to check
	 * @return what is missing from, still in, or changed in {@code actual}
	 */
	public SchemaDiff diff(SchemaSnapshot actual) {
		Assert.notNull(actual, "'actual' must not be null");
		return SchemaDiff.between(this, actual, SchemaDiff.STILL_THERE);
	}

	/**
	 * The snapshot as text: database, schema and one line per object.
	 * @return the text
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("Schema ").append(this.schema)
			.append(" of ")
			.append(this.database)
			.append(':');
		if (this.objects.isEmpty()) {
			text.append(" empty");
		}
		this.objects.forEach((object) -> text.append("\n  ").append(object.description()));
		this.notChecked.forEach((category) -> text.append("\n  not checked: ").append(category));
		return text.toString();
	}

}
