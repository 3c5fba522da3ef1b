package dev.migrate.boot.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * {@link DatabaseInitializerDetector} for {@link MigrateMigrationInitializer}: makes the
 * beans that depend on database initialization wait for the migrations.
 */
class MigrateMigrationInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrateMigrationInitializer.class);
	}

	@Override
	public int getOrder() {
		// Before script-based initialization (schema.sql/data.sql) and JPA.
		return 1;
	}

}
