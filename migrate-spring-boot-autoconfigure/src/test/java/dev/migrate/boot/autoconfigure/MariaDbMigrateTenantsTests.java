package dev.migrate.boot.autoconfigure;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * Tenants' auto-configuration on MariaDB, a database (schema) per tenant on one server.
 */
@RequiresDatabase(TestDatabase.MARIADB)
class MariaDbMigrateTenantsTests extends AbstractMigrateTenantsTests {

	@Override
	TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
