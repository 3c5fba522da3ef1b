package dev.migrate.boot.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * {@link DatabaseInitializerDetector} for {@link MigrateDatabasesInitializer}: makes the
 * beans that depend on database initialization wait for every database's migrations.
 */
class MigrateDatabasesInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrateDatabasesInitializer.class);
	}

	@Override
	public int getOrder() {
		return 1;
	}

}
