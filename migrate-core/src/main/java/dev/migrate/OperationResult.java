package dev.migrate;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an operation did, per migration, with timings.
 *
 * @param operation the operation
 * @param executions what was done to each migration, in order
 * @param versionBefore the current version before the operation
 * @param versionAfter the current version after the operation
 * @param lockWait how long the operation waited for the migration lock
 * @param totalTime how long the whole operation took
 * @param historyTable the qualified name of the history table
 * @since 0.1.0
 */
public record OperationResult(Operation operation, List<MigrationExecution> executions, @Nullable Version versionBefore,
		@Nullable Version versionAfter, Duration lockWait, Duration totalTime, String historyTable) {

	/**
	 * An operation that changes the database or its history.
	 */
	public enum Operation {

		/** Apply pending migrations. */
		MIGRATE,

		/** Roll back applied migrations. */
		ROLLBACK,

		/** Roll back the latest migration and apply it again. */
		REDO,

		/** Mark the database as being at a version without running anything. */
		BASELINE,

		/** Clear failed migrations and align the history with the code. */
		REPAIR

	}

	/**
	 * What was done to one migration.
	 *
	 * @param version the version
	 * @param description the description
	 * @param beanName the bean name, if known
	 * @param action what was done
	 * @param executionTime how long it took
	 */
	public record MigrationExecution(Version version, String description, @Nullable String beanName, Action action,
			Duration executionTime) {

	}

	/**
	 * What was done to a migration.
	 */
	public enum Action {

		/** Its {@code up} ran. */
		APPLIED,

		/** Its {@code down} ran. */
		ROLLED_BACK,

		/** A baseline marker was written. */
		BASELINED,

		/** Its failed history row was removed: it counts as not applied. */
		REMOVED_FAILED,

		/**
		 * Its rollback had failed or was interrupted, and was undone by hand: it counts
		 * as applied again.
		 */
		RESTORED_APPLIED,

		/** Its history row was removed because its bean is gone from the code. */
		REMOVED_MISSING,

		/** Its history row was aligned with the code (checksum, description, bean). */
		REALIGNED

	}

}
