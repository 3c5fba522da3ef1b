package dev.migrate.boot.autoconfigure;

import dev.migrate.Migrator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * {@link InitializingBean} that migrates the database while the application context
 * refreshes, before the beans that use the database ({@code EntityManagerFactory},
 * {@code JdbcTemplate}, beans marked {@code @DependsOnDatabaseInitialization}) are
 * created. What "migrate" means is up to a {@link MigrateMigrationStrategy}: apply the
 * pending migrations by default, or run the operation of {@code migrate.command} and end
 * the application.
 *
 * @since 0.1.0
 */
public class MigrateMigrationInitializer implements InitializingBean, Ordered {

	private final Migrator migrator;

	private final @Nullable MigrateMigrationStrategy strategy;

	private int order;

	/**
	 * Create an initializer that applies every pending migration.
	 * @param migrator the engine
	 */
	public MigrateMigrationInitializer(Migrator migrator) {
		this(migrator, null);
	}

	/**
	 * Create an initializer.
	 * @param migrator the engine
	 * @param strategy what to do with the engine, or {@code null} to apply every pending
	 * migration
	 */
	public MigrateMigrationInitializer(Migrator migrator, @Nullable MigrateMigrationStrategy strategy) {
		Assert.notNull(migrator, "'migrator' must not be null");
		this.migrator = migrator;
		this.strategy = strategy;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.strategy != null) {
			this.strategy.migrate(this.migrator);
		}
		else {
			this.migrator.migrate();
		}
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	public void setOrder(int order) {
		this.order = order;
	}

}
