package dev.migrate.history;

import java.time.Duration;
import java.time.Instant;

import dev.migrate.Version;
import org.jspecify.annotations.Nullable;

/**
 * One row of the history table: one application (or baseline) of a migration.
 *
 * @param installedRank order in which rows were written, starting at 1
 * @param version the migration version
 * @param type what wrote the row
 * @param status the status
 * @param checksum the fingerprint of the migration when applied, in its stored form
 * ({@code algorithm:value}, or a bare value written by migrate before fingerprints had
 * algorithms)
 * @param formatVersion the format of the row: which version of migrate's history it was
 * written in
 * @param audit the descriptive columns, or {@code null} when the row was read for the
 * up-to-date check, which needs only the columns above
 * @since 0.1.0
 */
public record HistoryRow(int installedRank, Version version, HistoryType type, HistoryStatus status,
		@Nullable String checksum, int formatVersion, @Nullable Audit audit, @Nullable String classHash) {

	/**
	 * A row without the hash of a class file.
	 * @param installedRank the rank
	 * @param version the version
	 * @param type the type
	 * @param status the status
	 * @param checksum the checksum, in its stored form
	 * @param formatVersion the format of the row
	 * @param audit the audit columns, or {@code null} when read for the start-up check
	 */
	public HistoryRow(int installedRank, Version version, HistoryType type, HistoryStatus status,
			@Nullable String checksum, int formatVersion, @Nullable Audit audit) {
		this(installedRank, version, type, status, checksum, formatVersion, audit, null);
	}

	/**
	 * Whether this row says the migration is applied now.
	 * @return {@code true} for a successful migration or baseline
	 */
	public boolean isApplied() {
		return this.status.isApplied();
	}

	/**
	 * Whether this row is a baseline marker.
	 * @return {@code true} for a baseline
	 */
	public boolean isBaseline() {
		return this.type == HistoryType.BASELINE;
	}

	/**
	 * Whether this row says the migration failed or did not finish.
	 * @return {@code true} if failed, still running or still rolling back
	 */
	public boolean isFailed() {
		return this.status.isFailed();
	}

	/**
	 * The description recorded, if the row was read whole.
	 * @return the description, or an empty string
	 */
	public String description() {
		return (this.audit != null) ? this.audit.description() : "";
	}

	/**
	 * The descriptive columns of a history row.
	 *
	 * @param description the description when applied
	 * @param beanName the bean name when applied
	 * @param className the bean class when applied
	 * @param installedBy who applied it
	 * @param installedOn when it was applied
	 * @param executionTime how long it took
	 * @param errorMessage the error of a failed migration
	 * @param rolledBackBy who rolled it back
	 * @param rolledBackOn when it was rolled back
	 */
	public record Audit(String description, @Nullable String beanName, @Nullable String className, String installedBy,
			Instant installedOn, Duration executionTime, @Nullable String errorMessage, @Nullable String rolledBackBy,
			@Nullable Instant rolledBackOn) {

	}

}
