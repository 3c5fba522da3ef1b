package dev.migrate.history;

/**
 * What wrote a history row, as stored in its {@code type} column.
 *
 * @since 0.1.0
 */
public enum HistoryType {

	/** Applying a migration. */
	MIGRATION,

	/** A baseline: the database was at this version when migrate took over. */
	BASELINE

}
