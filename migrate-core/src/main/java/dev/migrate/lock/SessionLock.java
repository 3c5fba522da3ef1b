package dev.migrate.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import dev.migrate.MigrationLockLostException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A lock owned by a database session: held on a connection of its own, and released by
 * the database when that connection dies, so a crashed holder never blocks the others.
 * The other side of that coin: a connection that dies while its instance still migrates
 * (ended by a DBA, an idle timeout or a proxy) lets another instance in. So the
 * connection is kept busy while the lock is held, and the holder checks with the
 * database, before each migration and each commit, that its session still holds it.
 */
abstract class SessionLock extends PollingLock {

	private static final Log logger = LogFactory.getLog(MigrationLock.class);

	/**
	 * How often the lock's connection is used while held, so that no idle timeout ends
	 * it.
	 */
	static final Duration KEEP_ALIVE_INTERVAL = Duration.ofSeconds(15);

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
	final @Nullable Hold tryAcquire() {
		Connection connection = openConnection();
		boolean acquired = false;
		try {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			acquired = tryLock(jdbc);
			if (!acquired) {
				return null;
			}
			return new SessionHold(connection, jdbc);
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

	/**
	 * Whether the session of the given template holds the lock.
	 * @param jdbc a template on the lock's connection
	 * @return {@code true} if it holds it
	 */
	abstract boolean isHeld(JdbcTemplate jdbc);

	abstract @Nullable String describeHolder(JdbcTemplate jdbc);

	/**
	 * Reads the schema or catalog of a connection.
	 */
	@FunctionalInterface
	interface Scope {

		@Nullable String of(Connection connection) throws SQLException;

	}

	/**
	 * The lock as held on its connection. The connection is used by one thread at a time:
	 * the migration's when it verifies, the keep-alive's otherwise.
	 */
	private final class SessionHold implements Hold {

		private final Connection connection;

		private final JdbcTemplate jdbc;

		private final RepeatingTask keepAlive;

		private volatile @Nullable MigrationLockLostException lost;

		SessionHold(Connection connection, JdbcTemplate jdbc) {
			this.connection = connection;
			this.jdbc = jdbc;
			this.keepAlive = RepeatingTask.every("migrate-lock-keep-alive", KEEP_ALIVE_INTERVAL.toMillis(),
					this::keepAlive);
		}

		private void keepAlive() {
			try {
				check();
			}
			catch (MigrationLockLostException ex) {
				logger.error(ex.getMessage() + " migrate stops before the next migration or commit.");
			}
		}

		@Override
		public void verify() {
			check();
		}

		private synchronized void check() {
			MigrationLockLostException alreadyLost = this.lost;
			if (alreadyLost != null) {
				throw alreadyLost;
			}
			boolean held;
			try {
				held = isHeld(this.jdbc);
			}
			catch (RuntimeException ex) {
				throw lost("its connection failed (" + ex.getMessage() + "), and the database released the lock with"
						+ " it, so another instance may hold it now.", ex);
			}
			if (!held) {
				throw lost("the database no longer counts this session as its holder (was the session's lock"
						+ " released by hand?), so another instance may hold it now.", null);
			}
		}

		private MigrationLockLostException lost(String reason, @Nullable Throwable cause) {
			MigrationLockLostException ex = new MigrationLockLostException(SessionLock.this.name, reason, cause);
			this.lost = ex;
			return ex;
		}

		@Override
		public void release() {
			this.keepAlive.stop();
			synchronized (this) {
				try {
					if (this.lost == null) {
						unlock(this.jdbc);
					}
				}
				catch (RuntimeException ex) {
					logger.warn("Could not release the migration lock '" + SessionLock.this.name
							+ "'; it is released when its connection closes", ex);
				}
				finally {
					close(this.connection);
				}
			}
		}

	}

}
