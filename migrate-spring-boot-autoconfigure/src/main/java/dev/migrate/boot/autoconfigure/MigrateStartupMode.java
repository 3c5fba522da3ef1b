package dev.migrate.boot.autoconfigure;

/**
 * What migrate does with the database while the application starts
 * ({@code migrate.on-startup}). Whatever the mode, the {@link dev.migrate.Migrator}, the
 * actuator endpoint, the health contributor, the metrics and {@code migrate.command} are
 * there.
 *
 * @since 0.1.0
 */
public enum MigrateStartupMode {

	/**
	 * Apply the pending migrations up to {@code migrate.target}
	 * ({@link MigrateToTargetMigrationStrategy}).
	 */
	MIGRATE,

	/**
	 * Apply nothing, and fail the start if a migration up to {@code migrate.target} is
	 * pending, or one is failed, missing or changed
	 * ({@link MigrateValidateMigrationStrategy}): for application instances that another
	 * step, such as a Kubernetes Job, migrates for.
	 */
	VALIDATE,

	/**
	 * Do no database work at start-up ({@link MigrateNoOpMigrationStrategy}).
	 */
	NONE

}
