package dev.migrate.history;

import java.time.Instant;

import dev.migrate.Version;
import org.jspecify.annotations.Nullable;

/**
 * One row of the history table: one application (or baseline) of a migration.
 *
 * @param installedRank order in which rows were written, starting at 1
 * @param version the migration version
 * @param description the description when applied
 * @param type {@link #TYPE_MIGRATION} or {@link #TYPE_BASELINE}
 * @param beanName the bean name when applied
 * @param className the bean class when applied
 * @param checksum the fingerprint of the definition when applied
 * @param installedBy who applied it
 * @param installedOn when it was applied
 * @param executionTimeMillis how long it took
 * @param status one of {@link #SUCCESS}, {@link #FAILED}, {@link #RUNNING},
 * {@link #ROLLING_BACK}, {@link #ROLLED_BACK}
 * @param errorMessage the error of a failed migration
 * @param rolledBackBy who rolled it back
 * @param rolledBackOn when it was rolled back
 * @author migrate
 */
public record HistoryRow(int installedRank, Version version, String description, String type, @Nullable String beanName,
		@Nullable String className, @Nullable String checksum, String installedBy, Instant installedOn,
		long executionTimeMillis, String status, @Nullable String errorMessage, @Nullable String rolledBackBy,
		@Nullable Instant rolledBackOn) {

	/** Type of a row written by applying a migration. */
	public static final String TYPE_MIGRATION = "MIGRATION";

	/** Type of a row written by baseline. */
	public static final String TYPE_BASELINE = "BASELINE";

	/** The migration is applied. */
	public static final String SUCCESS = "SUCCESS";

	/** The migration failed and may have left part of its changes. */
	public static final String FAILED = "FAILED";

	/**
	 * The migration started outside a transaction and has not finished (or was
	 * interrupted).
	 */
	public static final String RUNNING = "RUNNING";

	/**
	 * The migration's {@code down} started outside a transaction and has not finished (or
	 * was interrupted).
	 */
	public static final String ROLLING_BACK = "ROLLING_BACK";

	/** The migration was applied, then rolled back. */
	public static final String ROLLED_BACK = "ROLLED_BACK";

	/**
	 * Whether this row says the migration is applied now.
	 * @return {@code true} for a successful migration or baseline
	 */
	public boolean isApplied() {
		return SUCCESS.equals(this.status);
	}

	/**
	 * Whether this row is a baseline marker.
	 * @return {@code true} for a baseline
	 */
	public boolean isBaseline() {
		return TYPE_BASELINE.equals(this.type);
	}

	/**
	 * Whether this row says the migration failed or did not finish.
	 * @return {@code true} if failed or still running
	 */
	public boolean isFailed() {
		return FAILED.equals(this.status) || RUNNING.equals(this.status) || ROLLING_BACK.equals(this.status);
	}

}
