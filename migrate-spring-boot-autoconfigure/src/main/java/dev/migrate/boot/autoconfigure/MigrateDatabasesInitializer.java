package dev.migrate.boot.autoconfigure;

import dev.migrate.MigrateException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.util.Assert;

/**
 * {@link InitializingBean} that migrates the databases of {@code migrate.databases}, one
 * after the other, while the application context refreshes, before the beans that use a
 * database; a failure stops start-up naming the database.
 *
 * @since 0.2.0
 */
public class MigrateDatabasesInitializer implements InitializingBean {

	private final MigrateDatabases databases;

	private final @Nullable MigrateMigrationStrategy strategy;

	/**
	 * Create an initializer.
	 * @param databases the databases
	 * @param strategy what to do with each database's migrator
	 * ({@code migrate.on-startup} or the application's strategy), or {@code null} to do
	 * nothing
	 */
	public MigrateDatabasesInitializer(MigrateDatabases databases, @Nullable MigrateMigrationStrategy strategy) {
		Assert.notNull(databases, "'databases' must not be null");
		this.databases = databases;
		this.strategy = strategy;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.strategy == null) {
			return;
		}
		this.databases.getMigrators().forEach((name, migrator) -> {
			try {
				this.strategy.migrate(migrator);
			}
			catch (MigrateException ex) {
				throw new MigrateDatabaseFailedException(name, ex);
			}
		});
	}

}
