package dev.migrate.boot.autoconfigure;

import dev.migrate.Migrator;

/**
 * Callback to customize the {@link Migrator.Builder} of the auto-configured
 * {@link Migrator} beyond what the {@code migrate.*} properties cover, for example to set
 * a {@link dev.migrate.dialect.Dialect dialect} or add a
 * {@link dev.migrate.MigrationListener listener}. Customizers run after the properties
 * are applied, in {@link org.springframework.core.annotation.Order order}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MigrateConfigurationCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder, with the properties already applied
	 */
	void customize(Migrator.Builder builder);

}
