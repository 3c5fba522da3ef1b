package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What differs between databases, in one place: the SQL of migrate's own tables and facts
 * about the database (whether DDL is transactional, how identifiers are stored, which
 * session lock it offers). Dialects state facts; the lock package chooses the lock from
 * them. Chosen from {@link DatabaseMetaData#getDatabaseProductName()} by
 * {@link Dialects#detect}.
 *
 * @since 0.1.0
 */
public interface Dialect {

	/**
	 * Name of the database, for messages.
	 * @return the name, such as "PostgreSQL"
	 */
	String name();

	/**
	 * Whether DDL statements take part in transactions, so that a failed migration can be
	 * rolled back without a trace.
	 * @return {@code true} if DDL is transactional
	 */
	boolean supportsTransactionalDdl();

	/**
	 * Whether schema changes in different schemas can run at the same time. H2 locks its
	 * whole catalog for each, so parallel migrations of several schemas time out there.
	 * @return {@code true} if schemas can be migrated in parallel
	 */
	default boolean supportsParallelSchemaChanges() {
		return true;
	}

	/**
	 * Whether the JDBC driver logs every statement the database rejects, at WARN (MariaDB
	 * Connector/J does): migrate then checks that a table exists before it reads one that
	 * may not, rather than reading and handling the error.
	 * @return {@code true} if a rejected statement is logged by the driver
	 */
	default boolean driverLogsRejectedStatements() {
		return false;
	}

	/**
	 * SQL type for a point in time that reads back as the same instant whatever the time
	 * zone of the session that wrote it and of the one that reads it.
	 * @return the type
	 */
	default String instantType() {
		return "TIMESTAMP WITH TIME ZONE";
	}

	/**
	 * Expression for the database's current time, of {@link #instantType()}: the one
	 * clock all instances agree on.
	 * @return the expression
	 */
	default String currentInstant() {
		return "CURRENT_TIMESTAMP";
	}

	/**
	 * Read a column of {@link #instantType()}. Also reads columns written by migrate 0.1,
	 * whose type had no time zone.
	 * @param rs the result set
	 * @param column the column index
	 * @return the instant, or {@code null} for SQL {@code NULL}
	 * @throws SQLException on a read failure
	 */
	default @Nullable Instant readInstant(ResultSet rs, int column) throws SQLException {
		Object value = rs.getObject(column);
		if (value == null) {
			return null;
		}
		if (value instanceof OffsetDateTime offsetDateTime) {
			return offsetDateTime.toInstant();
		}
		if (value instanceof ZonedDateTime zonedDateTime) {
			return zonedDateTime.toInstant();
		}
		if (value instanceof Instant instant) {
			return instant;
		}
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A parameter that writes an instant into a column of {@link #instantType()}.
	 * @param instant the instant
	 * @return the value to bind
	 */
	default Object instantParameter(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * Statements that make columns written by migrate 0.1, whose type had no time zone
	 * and whose values are in the zone of the session that wrote them, into columns of
	 * {@link #instantType()}. Values are taken to be in the zone of the session that runs
	 * the statements.
	 * @param table the qualified table
	 * @param columns the columns
	 * @return the statements, to run in one transaction where the database allows
	 */
	default List<String> instantColumnsUpgrade(String table, List<String> columns) {
		return columns.stream()
			.map((column) -> "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DATA TYPE " + instantType())
			.toList();
	}

	/**
	 * SQL type for a long text such as an error message.
	 * @return the type
	 */
	default String longTextType() {
		return "VARCHAR(4000)";
	}

	/**
	 * Longest text kept in a {@link #longTextType()} column.
	 * @return the length in characters
	 */
	default int longTextLength() {
		return 4000;
	}

	/**
	 * The lock the database offers that belongs to a session, and so is released when the
	 * session dies.
	 * @return the kind of session lock, {@link SessionLockSupport#NONE} where there is
	 * none
	 */
	default SessionLockSupport sessionLockSupport() {
		return SessionLockSupport.NONE;
	}

	/**
	 * Convert an unquoted identifier to the case the database stores it in, for metadata
	 * look-ups.
	 * @param metaData the database metadata
	 * @param identifier the identifier
	 * @return the identifier as stored
	 * @throws SQLException on a metadata failure
	 */
	default String storedIdentifier(DatabaseMetaData metaData, String identifier) throws SQLException {
		if (metaData.storesUpperCaseIdentifiers()) {
			return identifier.toUpperCase(Locale.ROOT);
		}
		if (metaData.storesLowerCaseIdentifiers()) {
			return identifier.toLowerCase(Locale.ROOT);
		}
		return identifier;
	}

	/**
	 * Catalog and schema under which {@link DatabaseMetaData#getTables} finds the tables
	 * of a schema. MySQL and MariaDB override it: their schemas are catalogs.
	 * @param connection the connection
	 * @param schema the schema, or {@code null} for the connection's current one
	 * @return the catalog and the schema pattern, either may be {@code null}
	 * @throws SQLException on a metadata failure
	 */
	default @Nullable String[] metaDataScope(Connection connection, @Nullable String schema) throws SQLException {
		String storedSchema = (schema != null) ? storedIdentifier(connection.getMetaData(), schema)
				: connection.getSchema();
		return new @Nullable String[] { null, storedSchema };
	}

	/**
	 * Whether a table exists.
	 * @param connection the connection
	 * @param schema the schema, or {@code null} for the connection's current one
	 * @param table the table
	 * @return {@code true} if the table exists
	 * @throws SQLException on a metadata failure
	 */
	default boolean tableExists(Connection connection, @Nullable String schema, String table) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		@Nullable String[] scope = metaDataScope(connection, schema);
		String storedTable = storedIdentifier(metaData, table);
		try (ResultSet tables = metaData.getTables(scope[0], scope[1], storedTable, null)) {
			while (tables.next()) {
				if (storedTable.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether the schema holds any table other than the given ones.
	 * @param connection the connection
	 * @param schema the schema, or {@code null} for the connection's current one
	 * @param ignoredTables tables not to count
	 * @return {@code true} if there is another table
	 * @throws SQLException on a metadata failure
	 */
	default boolean hasOtherTables(Connection connection, @Nullable String schema, String... ignoredTables)
			throws SQLException {
		@Nullable String[] scope = metaDataScope(connection, schema);
		try (ResultSet tables = connection.getMetaData().getTables(scope[0], scope[1], "%", new String[] { "TABLE" })) {
			while (tables.next()) {
				String name = tables.getString("TABLE_NAME");
				if (Arrays.stream(ignoredTables).noneMatch(name::equalsIgnoreCase)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether a schema exists.
	 * @param connection the connection
	 * @param schema the schema
	 * @return {@code true} if it exists
	 * @throws SQLException on a metadata failure
	 */
	default boolean schemaExists(Connection connection, String schema) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		try (ResultSet schemas = metaData.getSchemas(null, storedIdentifier(metaData, schema))) {
			return schemas.next();
		}
	}

	/**
	 * Statement that creates a schema.
	 * @param schema the validated schema name
	 * @return the statement
	 */
	default String createSchemaStatement(String schema) {
		return "CREATE SCHEMA " + schema;
	}

	/**
	 * Make a schema the one unqualified names of a connection resolve in: its current
	 * schema ({@code SET SCHEMA} on H2 and HSQLDB), its {@code search_path} on
	 * PostgreSQL, its current database ({@code USE}) on MySQL and MariaDB.
	 * @param connection the connection
	 * @param schema the schema as the database stores its name
	 * @return what {@link #leaveSchema} needs to give the connection its previous state
	 * back, or {@code null} if the driver does not tell
	 * @throws SQLException on a failure, such as an unknown schema
	 */
	default @Nullable String enterSchema(Connection connection, String schema) throws SQLException {
		String previous = connection.getSchema();
		connection.setSchema(schema);
		return previous;
	}

	/**
	 * Give a connection the schema it had before {@link #enterSchema}.
	 * @param connection the connection
	 * @param previous what {@link #enterSchema} returned
	 * @throws SQLException on a failure
	 */
	default void leaveSchema(Connection connection, String previous) throws SQLException {
		connection.setSchema(previous);
	}

	/**
	 * Names of every schema of the database, as stored (every database of the server on
	 * MySQL and MariaDB).
	 * @param connection the connection
	 * @return the names
	 * @throws SQLException on a metadata failure
	 */
	default List<String> schemaNames(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (ResultSet schemas = connection.getMetaData().getSchemas()) {
			while (schemas.next()) {
				names.add(schemas.getString("TABLE_SCHEM"));
			}
		}
		return names;
	}

}
