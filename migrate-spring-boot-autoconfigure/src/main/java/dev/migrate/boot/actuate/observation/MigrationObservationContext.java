package dev.migrate.boot.actuate.observation;

import dev.migrate.MigrationListener.MigrationRun;
import io.micrometer.observation.Observation;

import org.springframework.util.Assert;

/**
 * {@link Observation.Context} of one run of a migration's {@code up} or {@code down}.
 * While the migration runs, {@link #isFinished()} is {@code false}; once it has ended,
 * {@link #getError()} tells a failure from a success.
 *
 * @see MigrationObservationConvention
 * @since 0.1.0
 */
public class MigrationObservationContext extends Observation.Context {

	private final MigrationRun migration;

	private final String database;

	private volatile boolean finished;

	/**
	 * Create a context for a migration about to run.
	 * @param migration the migration
	 */
	public MigrationObservationContext(MigrationRun migration) {
		this(migration, "primary");
	}

	/**
	 * Create a context for a migration about to run on a named database.
	 * @param migration the migration
	 * @param database the database's name: {@code primary}, a name of
	 * {@code migrate.databases}, or the tenants'
	 * @since 0.2.0
	 */
	public MigrationObservationContext(MigrationRun migration, String database) {
		Assert.notNull(migration, "'migration' must not be null");
		Assert.hasText(database, "'database' must not be empty");
		this.migration = migration;
		this.database = database;
	}

	/**
	 * The migration that runs: its version, description, bean name and direction.
	 * @return the migration
	 */
	public MigrationRun getMigration() {
		return this.migration;
	}

	/**
	 * The database the migration runs on.
	 * @return its name
	 * @since 0.2.0
	 */
	public String getDatabase() {
		return this.database;
	}

	/**
	 * Whether the migration's method has returned or thrown.
	 * @return {@code true} once the run has ended
	 */
	public boolean isFinished() {
		return this.finished;
	}

	void finish() {
		this.finished = true;
	}

}
