package dev.migrate;

/**
 * How migrations use transactions.
 *
 * @since 0.1.0
 */
public enum TransactionMode {

	/**
	 * On {@link Migration#transaction()}: follow the mode the engine is configured with.
	 * As the engine's mode it means {@link #PER_MIGRATION}.
	 */
	DEFAULT,

	/**
	 * Each migration runs in its own transaction, together with its history row. Where
	 * the database has transactional DDL (PostgreSQL), a failing migration leaves no
	 * trace.
	 */
	PER_MIGRATION,

	/**
	 * All pending migrations of one run share a single transaction: all or nothing. Only
	 * meaningful where DDL is transactional.
	 */
	ALL,

	/**
	 * No transaction: statements auto-commit. The history records that the migration
	 * started before it runs, so an interruption is reported on the next start.
	 */
	NONE

}
