package dev.migrate;

import java.time.Duration;

import dev.migrate.MigrationContext.Direction;
import org.jspecify.annotations.Nullable;

/**
 * Callbacks around the work of the engine, for metrics, tracing and audit. Called on the
 * thread that runs the migration; exceptions thrown by a listener are logged and ignored.
 *
 * @since 0.1.0
 */
public interface MigrationListener {

	/**
	 * Called when the migration lock was taken.
	 * @param waited how long it took to get
	 */
	default void lockAcquired(Duration waited) {
	}

	/**
	 * Called before a migration's {@code up} or {@code down} runs.
	 * @param migration the migration about to run
	 */
	default void beforeMigration(MigrationRun migration) {
	}

	/**
	 * Called after a migration's {@code up} or {@code down} ran, whether it succeeded or
	 * not.
	 * @param migration the migration that ran
	 * @param executionTime how long it took
	 * @param failure the failure, or {@code null} on success
	 */
	default void afterMigration(MigrationRun migration, Duration executionTime, @Nullable Throwable failure) {
	}

	/**
	 * A migration about to run or that ran.
	 *
	 * @param version the version
	 * @param description the description
	 * @param beanName the bean name
	 * @param direction whether applying or rolling back
	 */
	record MigrationRun(Version version, String description, String beanName, Direction direction) {

	}

}
