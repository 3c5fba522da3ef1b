package dev.migrate.tenant;

import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Tenants in schemas of one H2 database, locked with a lock row in each schema.
 */
class H2TenantMigratorContractTests extends AbstractTenantMigratorContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

	/**
	 * Not on H2: it locks its whole catalog for each schema change, and two instances
	 * changing schemas of one in-memory database at the same time time out on that lock
	 * ("Timeout trying to lock table SYS"); one instance migrates H2 schemas one by one
	 * ({@link dev.migrate.dialect.Dialect#supportsParallelSchemaChanges()}). Two
	 * instances on one H2 database is no deployment: PostgreSQL and MariaDB prove the
	 * sharing.
	 */
	@Override
	@Test
	@Disabled("H2 locks its whole catalog for each schema change; sharing is proven on PostgreSQL and MariaDB")
	void twoInstancesShareTheTenantsAndMigrateEachOnce() {
	}

}
