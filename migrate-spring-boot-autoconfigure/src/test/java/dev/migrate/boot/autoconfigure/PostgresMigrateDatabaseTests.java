package dev.migrate.boot.autoconfigure;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * The auto-configuration and commands on Postgres.
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresMigrateDatabaseTests extends AbstractMigrateDatabaseTests {

	@Override
	TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

}
