package dev.migrate.boot.autoconfigure;

import dev.migrate.Migrator;

/**
 * What {@link MigrateMigrationInitializer} does with the {@link Migrator} while the
 * application starts, before the beans that use the database are created. The default,
 * {@link MigrateToTargetMigrationStrategy}, applies the pending migrations up to
 * {@code migrate.target}. Define a bean of this type to do otherwise, for example to
 * validate only, or to repair before migrating:
 *
 * <pre class="code">
 * &#64;Bean
 * MigrateMigrationStrategy validateOnly() {
 * 	return (migrator) -&gt; {
 * 		ValidationResult validation = migrator.validate();
 * 		if (!validation.isValid()) {
 * 			throw new IllegalStateException(String.join("\n", validation.problems()));
 * 		}
 * 	};
 * }
 * </pre>
 *
 * A {@code migrate.command} is an operator's explicit request and takes precedence: with
 * one, {@link MigrateCommandMigrationStrategy} runs instead of the application's
 * strategy. A failure thrown by the strategy stops the start-up of the application.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MigrateMigrationStrategy {

	/**
	 * Migrate the database, or do what should happen instead, during start-up.
	 * @param migrator the engine, configured from the {@code migrate.*} properties
	 */
	void migrate(Migrator migrator);

}
