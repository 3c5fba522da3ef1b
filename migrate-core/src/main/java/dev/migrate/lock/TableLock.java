package dev.migrate.lock;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.migrate.MigrationLockLostException;
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
 * lease with a heartbeat that bumps the row's version; a holder that crashed stops, and
 * an instance that watched the version stand still for a whole lease, by its own clock,
 * takes the row over. No timestamp is compared, so time zones, daylight-saving jumps and
 * clock differences between machines cannot shorten or stretch the lease.
 *
 * @since 0.1.0
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
	Attempt attempt() {
		LeaseWatch watch = new LeaseWatch(this.lease.toNanos());
		return () -> tryAcquire(watch);
	}

	@Override
	@Nullable Hold tryAcquire() {
		return tryAcquire(new LeaseWatch(this.lease.toNanos()));
	}

	private @Nullable Hold tryAcquire(LeaseWatch watch) {
		ensureTable();
		LockRow row = readRow();
		if (!watch.mayTake(row.owner, row.version, System.nanoTime())) {
			return null;
		}
		String now = this.dialect.currentInstant();
		int updated = this.jdbc.update(
				"UPDATE " + this.qualifiedTable + " SET owner = ?, locked_at = " + now + ", heartbeat_at = " + now
						+ ", lock_version = ? WHERE id = 1 AND lock_version = ?",
				this.owner, row.version + 1, row.version);
		if (updated != 1) {
			return null;
		}
		if (row.owner != null) {
			logger.error("Took over the migration lock '" + this.qualifiedTable + "' from " + row.owner
					+ ", which sent no heartbeat for the lease of " + this.lease.toSeconds()
					+ " s (it probably crashed). If it did not, it stops before its next migration.");
		}
		return new LeaseHold(row.version + 1);
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

	private LockRow readRow() {
		List<LockRow> rows = this.jdbc.query(
				"SELECT lock_version, owner, locked_at, heartbeat_at FROM " + this.qualifiedTable + " WHERE id = 1",
				(rs, rowNum) -> new LockRow(rs.getLong(1), rs.getString(2), this.dialect.readInstant(rs, 3),
						this.dialect.readInstant(rs, 4)));
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
						+ " owner VARCHAR(300), locked_at " + this.dialect.instantType() + ", heartbeat_at "
						+ this.dialect.instantType() + ")",
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

	/**
	 * The lock row as held: renewed by a heartbeat that bumps its version, so that
	 * watchers see the holder alive. A heartbeat that finds the row taken over marks the
	 * lock lost; so does a holder that could not renew for half a lease, since a watcher
	 * may take the row a lease after its last heartbeat.
	 */
	private final class LeaseHold implements Hold {

		private final RepeatingTask heartbeat;

		private long version;

		private long renewedAt = System.nanoTime();

		private @Nullable String lost;

		LeaseHold(long version) {
			this.version = version;
			this.heartbeat = RepeatingTask.every("migrate-lock-heartbeat",
					Math.max(50, TableLock.this.lease.toMillis() / 3), this::heartbeat);
		}

		private void heartbeat() {
			try {
				renew();
			}
			catch (DataAccessException ex) {
				logger.warn("Could not renew the migration lock '" + TableLock.this.qualifiedTable + "'", ex);
			}
		}

		private synchronized void renew() {
			if (this.lost != null) {
				return;
			}
			int updated = TableLock.this.jdbc
				.update("UPDATE " + TableLock.this.qualifiedTable + " SET lock_version = ?, heartbeat_at = "
						+ TableLock.this.dialect.currentInstant() + " WHERE id = 1 AND owner = ? AND lock_version = ?",
						this.version + 1, TableLock.this.owner, this.version);
			if (updated == 1) {
				this.version++;
				this.renewedAt = System.nanoTime();
			}
			else {
				this.lost = "another instance took it over after " + TableLock.this.lease.toSeconds()
						+ " s without a heartbeat from this one (a pause longer than the lease: raise it)";
				logger.error("The migration lock '" + TableLock.this.qualifiedTable + "' was lost: " + this.lost
						+ ". migrate stops before the next migration or commit.");
			}
		}

		@Override
		public synchronized void verify() {
			long halfLease = TableLock.this.lease.toNanos() / 2;
			if (this.lost == null && System.nanoTime() - this.renewedAt >= halfLease) {
				try {
					renew();
				}
				catch (DataAccessException ex) {
					throw new MigrationLockLostException(TableLock.this.qualifiedTable,
							"it could not be renewed for half its lease of " + TableLock.this.lease.toSeconds() + " s ("
									+ ex.getMostSpecificCause().getMessage()
									+ "), so another instance may take it over.",
							ex);
				}
			}
			if (this.lost != null) {
				throw new MigrationLockLostException(TableLock.this.qualifiedTable, this.lost + ".", null);
			}
		}

		@Override
		public void release() {
			this.heartbeat.stop();
			try {
				TableLock.this.jdbc.update(
						"UPDATE " + TableLock.this.qualifiedTable
								+ " SET owner = NULL, lock_version = lock_version + 1 WHERE id = 1 AND owner = ?",
						TableLock.this.owner);
			}
			catch (DataAccessException ex) {
				logger.warn(
						"Could not release the migration lock '" + TableLock.this.qualifiedTable
								+ "'; another instance takes it over after " + TableLock.this.lease.toSeconds() + " s",
						ex);
			}
		}

	}

	private record LockRow(long version, @Nullable String owner, @Nullable Instant lockedAt,
			@Nullable Instant heartbeatAt) {
	}

}
