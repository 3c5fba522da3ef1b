package dev.migrate.boot.autoconfigure;

import dev.migrate.testsupport.TestDatabase;

/**
 * The tenants' auto-configuration on H2.
 */
class H2MigrateTenantsTests extends AbstractMigrateTenantsTests {

	@Override
	TestDatabase database() {
		return TestDatabase.H2;
	}

}
