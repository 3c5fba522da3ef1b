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
	 * The listener to give the migrator of one named database. An application that
	 * migrates several databases, or tenants, builds a migrator for each; the Spring Boot
	 * starter asks every listener for the one of each database ({@code primary}, a name
	 * of {@code migrate.databases}, the tenants' name), so that what a listener records
	 * can say which database it concerns. By default the same listener serves them all.
	 * @param database the database's name
	 * @return the listener for that database
	 * @since 0.2.0
	 */
	default MigrationListener forDatabase(String database) {
		return this;
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
