package dev.migrate;

import java.time.Duration;

/**
 * The default settings of the engine, in one place: {@link Migrator.Builder} starts from
 * them, and the Spring Boot properties and migrate-test are checked against them.
 *
 * @since 0.1.0
 */
public final class MigrateDefaults {

	/** Name of the history table. */
	public static final String HISTORY_TABLE = "migrate_history";

	/**
	 * Where Spring Boot applications keep migrations written as SQL files; the builder
	 * looks for none unless told.
	 */
	public static final String SQL_LOCATION = "classpath:db/migration";

	/** Suffix of the lock table's name, where the lock is a row. */
	public static final String LOCK_TABLE_SUFFIX = "_lock";

	/** How migrations use transactions. */
	public static final TransactionMode TRANSACTION_MODE = TransactionMode.PER_MIGRATION;

	/** What a changed checksum of an applied migration means. */
	public static final ChecksumValidation VALIDATE_CHECKSUMS = ChecksumValidation.FAIL;

	/** How long to wait for another instance holding the migration lock. */
	public static final Duration LOCK_TIMEOUT = Duration.ofMinutes(5);

	/** Lease of the lock row on databases without session locks. */
	public static final Duration LOCK_LEASE = Duration.ofSeconds(30);

	/** How many times the first connection is retried: not at all. */
	public static final int CONNECT_RETRIES = 0;

	/** Time between two attempts of the first connection. */
	public static final Duration CONNECT_RETRIES_INTERVAL = Duration.ofSeconds(10);

	/** What to do with Flyway's history table when migrate's own is empty. */
	public static final FlywayHistoryMode FLYWAY_HISTORY = FlywayHistoryMode.REFUSE;

	/** Name of Flyway's history table. */
	public static final String FLYWAY_HISTORY_TABLE = "flyway_schema_history";

	/** Version that baseline marks. */
	public static final String BASELINE_VERSION = "1";

	/** Description of a baseline row. */
	public static final String BASELINE_DESCRIPTION = "<< Baseline >>";

	private MigrateDefaults() {
	}

	/**
	 * Name of the lock table of a history table, where the lock is a row.
	 * @param historyTable the name of the history table
	 * @return the name of its lock table
	 */
	public static String lockTable(String historyTable) {
		return historyTable + LOCK_TABLE_SUFFIX;
	}

}
