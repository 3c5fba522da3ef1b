package dev.migrate.history;

/**
 * Status of a history row, as stored in its {@code status} column.
 *
 * @since 0.1.0
 */
public enum HistoryStatus {

	/** The migration (or baseline) is applied. */
	SUCCESS,

	/** The migration failed and may have left part of its changes. */
	FAILED,

	/**
	 * The migration started outside a transaction and has not finished (or was
	 * interrupted).
	 */
	RUNNING,

	/**
	 * The migration's {@code down} started outside a transaction and has not finished (or
	 * was interrupted).
	 */
	ROLLING_BACK,

	/**
	 * The migration's {@code down} failed outside a transaction: the database may hold
	 * part of the rollback.
	 */
	ROLLBACK_FAILED,

	/** The migration was applied, then rolled back. */
	ROLLED_BACK;

	/**
	 * Whether a row with this status says the migration is applied now.
	 * @return {@code true} for {@link #SUCCESS}
	 */
	public boolean isApplied() {
		return this == SUCCESS;
	}

	/**
	 * Whether a row with this status says a rollback of the migration failed or did not
	 * finish: the migration was applied, and its {@code down} ran in part.
	 * @return {@code true} for {@link #ROLLING_BACK} and {@link #ROLLBACK_FAILED}
	 */
	public boolean isRollbackInterrupted() {
		return this == ROLLING_BACK || this == ROLLBACK_FAILED;
	}

	/**
	 * Whether a row with this status says the migration failed or did not finish, so the
	 * database may hold part of its changes.
	 * @return {@code true} for {@link #FAILED}, {@link #RUNNING}, {@link #ROLLING_BACK}
	 * and {@link #ROLLBACK_FAILED}
	 */
	public boolean isFailed() {
		return this == FAILED || this == RUNNING || this == ROLLING_BACK || this == ROLLBACK_FAILED;
	}

}
