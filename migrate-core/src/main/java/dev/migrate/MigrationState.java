package dev.migrate;

/**
 * State of a migration, from merging the code with the history table.
 *
 * @since 0.1.0
 */
public enum MigrationState {

	/** In the code, not applied yet. */
	PENDING(false, false),

	/** Applied successfully. */
	APPLIED(true, false),

	/**
	 * Failed, or started outside a transaction and never finished: the database may hold
	 * part of its changes. Migrate refuses to go on until it is repaired.
	 */
	FAILED(false, true),

	/** Applied, then rolled back; pending again. */
	ROLLED_BACK(false, false),

	/**
	 * Applied, but its bean is gone from the code, below the latest migration in the
	 * code.
	 */
	MISSING(true, true),

	/**
	 * Applied by a newer version of the application: its bean is not in this code and its
	 * version is above every migration here (normal during a rolling deployment).
	 */
	FUTURE(true, false),

	/** In the code, not applied, with a version below the latest applied one. */
	OUT_OF_ORDER(false, false),

	/** The baseline marker: the database was at this version when migrate took over. */
	BASELINE(true, false),

	/** In the code at or below the baseline version: never applied, by design. */
	BELOW_BASELINE(false, false);

	private final boolean applied;

	private final boolean problem;

	MigrationState(boolean applied, boolean problem) {
		this.applied = applied;
		this.problem = problem;
	}

	/**
	 * Whether the database holds this migration's changes.
	 * @return {@code true} if applied
	 */
	public boolean isApplied() {
		return this.applied;
	}

	/**
	 * Whether this state stops migrate until an operator acts.
	 * @return {@code true} for failed and missing migrations
	 */
	public boolean isProblem() {
		return this.problem;
	}

	/**
	 * Whether a migration in this state would be applied by the next migrate.
	 * @return {@code true} for pending, rolled back and out-of-order migrations
	 */
	public boolean isPending() {
		return this == PENDING || this == ROLLED_BACK || this == OUT_OF_ORDER;
	}

}
