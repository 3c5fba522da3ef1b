package dev.migrate.boot.tenants;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * Two JVMs on 200 tenant databases of one MariaDB server.
 */
@RequiresDatabase(TestDatabase.MARIADB)
class MariaDbTenantsMultiProcessTests extends AbstractTenantsMultiProcessTests {

	@Override
	TestDatabase database() {
		return TestDatabase.MARIADB;
	}

	@Override
	String dropSchema(String schema) {
		return "DROP DATABASE " + schema;
	}

}
