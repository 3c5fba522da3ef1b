package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Dialect for PostgreSQL: transactional DDL, so a failed migration leaves no trace, and a
 * session advisory lock that dies with its connection.
 *
 * @since 0.1.0
 */
public class PostgresDialect implements Dialect {

	@Override
	public String name() {
		return "PostgreSQL";
	}

	@Override
	public boolean supportsTransactionalDdl() {
		return true;
	}

	@Override
	public String longTextType() {
		return "TEXT";
	}

	@Override
	public int longTextLength() {
		return 100_000;
	}

	@Override
	public List<String> instantColumnsUpgrade(String table, List<String> columns) {
		return List.of("ALTER TABLE " + table + " " + String.join(", ",
				columns.stream().map((column) -> "ALTER COLUMN " + column + " TYPE " + instantType()).toList()));
	}

	@Override
	public SessionLockSupport sessionLockSupport() {
		return SessionLockSupport.ADVISORY_LOCK;
	}

	/**
	 * Sets the {@code search_path} to the schema alone and returns the whole previous
	 * {@code search_path} (such as {@code "$user", public}), read and set in one round
	 * trip; the subquery is a fence ({@code OFFSET 0}), so it is read before it is set.
	 */
	@Override
	public @Nullable String enterSchema(Connection connection, String schema) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT previous.path, set_config('search_path', ?, false)"
					+ " FROM (SELECT current_setting('search_path') AS path OFFSET 0) previous")) {
			statement.setString(1, "\"" + schema + "\"");
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

	@Override
	public void leaveSchema(Connection connection, String previous) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
			statement.setString(1, previous);
			statement.executeQuery().close();
		}
	}

}
