package dev.migrate.boot.tenants;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * Two JVMs on 200 tenant schemas of one PostgreSQL database.
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresTenantsMultiProcessTests extends AbstractTenantsMultiProcessTests {

	@Override
	TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

	@Override
	String dropSchema(String schema) {
		return "DROP SCHEMA " + schema + " CASCADE";
	}

}
