package dev.migrate.lock;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A lock owned by a database session: held on a connection of its own, and released by
 * the database when that connection dies, so a crashed holder never blocks the others.
 *
 * @author migrate
 */
abstract class SessionLock extends PollingLock {

	private static final Log logger = LogFactory.getLog(MigrationLock.class);

	private final DataSource dataSource;

	private final String name;

	SessionLock(DataSource dataSource, String name) {
		this.dataSource = dataSource;
		this.name = name;
	}

	@Override
	final String name() {
		return this.name;
	}

	@Override
	final @Nullable Runnable tryAcquire() {
		Connection connection = openConnection();
		boolean acquired = false;
		try {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			acquired = tryLock(jdbc);
			if (!acquired) {
				return null;
			}
			return () -> release(connection, jdbc);
		}
		finally {
			if (!acquired) {
				close(connection);
			}
		}
	}

	@Override
	final @Nullable String holder() {
		Connection connection = openConnection();
		try {
			return describeHolder(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
		}
		catch (RuntimeException ex) {
			logger.debug("Could not tell who holds the migration lock", ex);
			return null;
		}
		finally {
			close(connection);
		}
	}

	private void release(Connection connection, JdbcTemplate jdbc) {
		try {
			unlock(jdbc);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not release the migration lock '" + this.name
					+ "'; it is released when its connection closes", ex);
		}
		finally {
			close(connection);
		}
	}

	private Connection openConnection() {
		try {
			Connection connection = this.dataSource.getConnection();
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			return connection;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not open a connection for the migration lock: " + ex.getMessage(),
					ex);
		}
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close the lock connection", ex);
		}
	}

	/**
	 * Read where the data source's connections work by default, so that history tables of
	 * the same name in different schemas (or databases) get different locks.
	 * @param dataSource the data source
	 * @param scope what to read, such as {@link Connection#getSchema()}
	 * @return the current schema or catalog, or {@code null} if the driver does not tell
	 */
	static @Nullable String currentScope(DataSource dataSource, Scope scope) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return scope.of(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not read the current schema to name the migration lock: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	abstract boolean tryLock(JdbcTemplate jdbc);

	abstract void unlock(JdbcTemplate jdbc);

	abstract @Nullable String describeHolder(JdbcTemplate jdbc);

	/**
	 * Reads the schema or catalog of a connection.
	 */
	@FunctionalInterface
	interface Scope {

		@Nullable String of(Connection connection) throws SQLException;

	}

}
