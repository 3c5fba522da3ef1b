package dev.migrate.boot.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * {@link DatabaseInitializerDetector} for {@link MigrateTenantsInitializer}: makes the
 * beans that depend on database initialization wait for the tenants' migrations.
 */
class MigrateTenantsInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrateTenantsInitializer.class);
	}

	@Override
	public int getOrder() {
		// With migrate's own initializer: before scripts and JPA.
		return 1;
	}

}
