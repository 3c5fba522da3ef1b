package dev.migrate.lock;

import java.time.Duration;

import javax.sql.DataSource;

import dev.migrate.MigrateDefaults;
import dev.migrate.dialect.Dialect;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the migration lock of a history table from what the database offers: its own
 * session lock where it has one, else a lock row with a lease.
 *
 * @since 0.1.0
 */
public final class MigrationLocks {

	private MigrationLocks() {
	}

	/**
	 * Create the lock that serializes schema changes among all instances.
	 * @param dialect the dialect of the database
	 * @param dataSource a data source whose connections auto-commit
	 * @param schema the schema of the history table, or {@code null} for the default
	 * @param historyTable the validated name of the history table
	 * @param lease how long a lock row stays valid without a heartbeat, where the lock is
	 * a row
	 * @return the lock
	 */
	public static MigrationLock create(Dialect dialect, DataSource dataSource, @Nullable String schema,
			String historyTable, Duration lease) {
		return switch (dialect.sessionLockSupport()) {
			case ADVISORY_LOCK -> new PostgresAdvisoryLock(dataSource, schema, historyTable);
			case NAMED_LOCK -> new MySqlNamedLock(dataSource, schema, historyTable);
			case NONE -> new TableLock(dataSource, dialect, schema, MigrateDefaults.lockTable(historyTable), lease);
		};
	}

}
