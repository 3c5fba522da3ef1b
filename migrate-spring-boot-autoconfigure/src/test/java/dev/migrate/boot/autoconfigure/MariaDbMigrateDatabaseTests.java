package dev.migrate.boot.autoconfigure;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * The auto-configuration and commands on MariaDb.
 */
@RequiresDatabase(TestDatabase.MARIADB)
class MariaDbMigrateDatabaseTests extends AbstractMigrateDatabaseTests {

	@Override
	TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
