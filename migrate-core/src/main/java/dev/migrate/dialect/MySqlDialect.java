package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Dialect for MySQL and MariaDB. DDL commits implicitly, so the history records that a
 * migration started before it runs; locking uses {@code GET_LOCK}, released when the
 * connection dies. Schemas are catalogs.
 *
 * @since 0.1.0
 */
public class MySqlDialect extends GenericDialect {

	public MySqlDialect(String name) {
		super(name);
	}

	@Override
	public boolean driverLogsRejectedStatements() {
		return true;
	}

	/**
	 * {@code DATETIME(3)} holding UTC: MySQL's {@code TIMESTAMP} ends in 2038, and
	 * neither type keeps a zone.
	 */
	@Override
	public String instantType() {
		return "DATETIME(3)";
	}

	@Override
	public String currentInstant() {
		return "UTC_TIMESTAMP(3)";
	}

	@Override
	public @Nullable Instant readInstant(ResultSet rs, int column) throws SQLException {
		LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
		return (utc != null) ? utc.toInstant(ZoneOffset.UTC) : null;
	}

	@Override
	public Object instantParameter(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	@Override
	public List<String> instantColumnsUpgrade(String table, List<String> columns) {
		return List
			.of("UPDATE " + table + " SET "
					+ String.join(", ", columns.stream()
						.map((column) -> column + " = CONVERT_TZ(" + column + ", @@session.time_zone, '+00:00')")
						.toList()));
	}

	@Override
	public String longTextType() {
		return "TEXT";
	}

	@Override
	public int longTextLength() {
		return 16_000;
	}

	@Override
	public SessionLockSupport sessionLockSupport() {
		return SessionLockSupport.NAMED_LOCK;
	}

	@Override
	public @Nullable String[] metaDataScope(Connection connection, @Nullable String schema) throws SQLException {
		return new @Nullable String[] { (schema != null) ? schema : connection.getCatalog(), null };
	}

	@Override
	public boolean schemaExists(Connection connection, String schema) throws SQLException {
		try (ResultSet catalogs = connection.getMetaData().getCatalogs()) {
			while (catalogs.next()) {
				if (schema.equalsIgnoreCase(catalogs.getString(1))) {
					return true;
				}
			}
		}
		return false;
	}

	@Override
	public @Nullable String enterSchema(Connection connection, String schema) throws SQLException {
		String previous = connection.getCatalog();
		connection.setCatalog(schema);
		return previous;
	}

	@Override
	public void leaveSchema(Connection connection, String previous) throws SQLException {
		connection.setCatalog(previous);
	}

	@Override
	public List<String> schemaNames(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (ResultSet catalogs = connection.getMetaData().getCatalogs()) {
			while (catalogs.next()) {
				names.add(catalogs.getString(1));
			}
		}
		return names;
	}

}
