package dev.migrate.lock;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.migrate.dialect.Ddl;
import dev.migrate.dialect.Dialect;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A lock row with a lease, for databases without session locks. The holder renews the
 * lease with a heartbeat; a holder that crashed stops renewing, and after the lease the
 * row may be taken over, so no crash blocks the others for longer than the lease.
 *
 * @author migrate
 */
public class TableLock extends PollingLock {

	private static final Log logger = LogFactory.getLog(MigrationLock.class);

	private final DataSource dataSource;

	private final Dialect dialect;

	private final @Nullable String schema;

	private final String table;

	private final String qualifiedTable;

	private final Duration lease;

	private final JdbcTemplate jdbc;

	private final String owner;

	private volatile boolean tableReady;

	public TableLock(DataSource dataSource, Dialect dialect, @Nullable String schema, String table, Duration lease) {
		this.dataSource = dataSource;
		this.dialect = dialect;
		this.schema = schema;
		this.table = table;
		this.qualifiedTable = (schema != null) ? schema + "." + table : table;
		this.lease = lease;
		this.jdbc = new JdbcTemplate(dataSource);
		this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
				+ UUID.randomUUID().toString().substring(0, 8);
	}

	@Override
	String name() {
		return this.qualifiedTable;
	}

	@Override
	@Nullable Runnable tryAcquire() {
		ensureTable();
		LockRow row = readRow();
		if (!isFree(row.owner, row.heartbeatAt, row.now, this.lease)) {
			return null;
		}
		int updated = this.jdbc.update(
				"UPDATE " + this.qualifiedTable
						+ " SET owner = ?, locked_at = CURRENT_TIMESTAMP, heartbeat_at = CURRENT_TIMESTAMP,"
						+ " lock_version = lock_version + 1 WHERE id = 1 AND lock_version = ?",
				this.owner, row.version);
		if (updated != 1) {
			return null;
		}
		if (row.owner != null) {
			logger.warn("Took over the migration lock '" + this.qualifiedTable + "' from " + row.owner
					+ ", whose lease of " + this.lease.toSeconds() + " s expired (the holder probably crashed)");
		}
		ScheduledExecutorService heartbeat = startHeartbeat();
		return () -> release(heartbeat);
	}

	@Override
	@Nullable String holder() {
		LockRow row = readRow();
		if (row.owner == null) {
			return null;
		}
		return row.owner + ", locked at " + row.lockedAt + ", last heartbeat " + row.heartbeatAt + " (lease "
				+ this.lease.toSeconds() + " s)";
	}

	/**
	 * Whether the lock row may be taken: nobody holds it, or its holder sent no heartbeat
	 * within the lease. Both times come from the database's clock, so the clocks of the
	 * instances do not matter.
	 * @param owner the holder, or {@code null} if released
	 * @param heartbeatAt the holder's last heartbeat, or {@code null}
	 * @param now the database's current time
	 * @param lease how long the lock stays valid without a heartbeat
	 * @return {@code true} if the row may be taken
	 */
	static boolean isFree(@Nullable String owner, @Nullable Timestamp heartbeatAt, Timestamp now, Duration lease) {
		return owner == null || heartbeatAt == null || !heartbeatAt.toInstant().plus(lease).isAfter(now.toInstant());
	}

	private ScheduledExecutorService startHeartbeat() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "migrate-lock-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long period = Math.max(100, this.lease.toMillis() / 3);
		executor.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
		return executor;
	}

	private void renew() {
		try {
			int updated = this.jdbc.update("UPDATE " + this.qualifiedTable
					+ " SET heartbeat_at = CURRENT_TIMESTAMP WHERE id = 1 AND owner = ?", this.owner);
			if (updated != 1) {
				logger.error("The migration lock '" + this.qualifiedTable + "' was taken over by another instance"
						+ " while this one held it; its lease of " + this.lease.toSeconds()
						+ " s is too short for this database's pauses. Raise migrate.lock-lease.");
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Could not renew the migration lock '" + this.qualifiedTable + "'", ex);
		}
	}

	private void release(ScheduledExecutorService heartbeat) {
		heartbeat.shutdownNow();
		try {
			heartbeat.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			this.jdbc.update(
					"UPDATE " + this.qualifiedTable
							+ " SET owner = NULL, lock_version = lock_version + 1 WHERE id = 1 AND owner = ?",
					this.owner);
		}
		catch (DataAccessException ex) {
			logger.warn("Could not release the migration lock '" + this.qualifiedTable + "'; it expires after "
					+ this.lease.toSeconds() + " s", ex);
		}
	}

	private LockRow readRow() {
		List<LockRow> rows = this.jdbc.query(
				"SELECT lock_version, owner, locked_at, heartbeat_at, CURRENT_TIMESTAMP FROM " + this.qualifiedTable
						+ " WHERE id = 1",
				(rs, rowNum) -> new LockRow(rs.getLong(1), rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4),
						rs.getTimestamp(5)));
		if (!rows.isEmpty()) {
			return rows.get(0);
		}
		try {
			this.jdbc.update("INSERT INTO " + this.qualifiedTable + " (id, lock_version) VALUES (1, 0)");
		}
		catch (DataIntegrityViolationException ex) {
			// Another instance inserted it first.
		}
		return readRow();
	}

	private void ensureTable() {
		if (this.tableReady) {
			return;
		}
		Ddl.createUnlessPresent(this.jdbc,
				"CREATE TABLE " + this.qualifiedTable + " (id INT NOT NULL PRIMARY KEY, lock_version BIGINT NOT NULL,"
						+ " owner VARCHAR(300), locked_at " + this.dialect.timestampType() + ", heartbeat_at "
						+ this.dialect.timestampType() + ")",
				this::tableExists);
		this.tableReady = true;
	}

	private boolean tableExists() {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			return this.dialect.tableExists(connection, this.schema, this.table);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not check the migration lock table " + this.qualifiedTable, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private record LockRow(long version, @Nullable String owner, @Nullable Timestamp lockedAt,
			@Nullable Timestamp heartbeatAt, Timestamp now) {
	}

}
