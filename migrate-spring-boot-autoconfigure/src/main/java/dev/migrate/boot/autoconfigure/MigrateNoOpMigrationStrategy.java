package dev.migrate.boot.autoconfigure;

import dev.migrate.Migrator;

/**
 * {@link MigrateMigrationStrategy} of {@code migrate.on-startup=none}: does no database
 * work while the application starts, not even a connection. The {@link Migrator} stays
 * available to the actuator endpoint, the health contributor, the metrics and the
 * application's own code.
 *
 * @since 0.1.0
 */
public class MigrateNoOpMigrationStrategy implements MigrateMigrationStrategy {

	@Override
	public void migrate(Migrator migrator) {
	}

}
