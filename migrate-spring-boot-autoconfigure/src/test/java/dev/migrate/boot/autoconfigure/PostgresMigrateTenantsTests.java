package dev.migrate.boot.autoconfigure;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * The tenants' auto-configuration on PostgreSQL.
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresMigrateTenantsTests extends AbstractMigrateTenantsTests {

	@Override
	TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

}
