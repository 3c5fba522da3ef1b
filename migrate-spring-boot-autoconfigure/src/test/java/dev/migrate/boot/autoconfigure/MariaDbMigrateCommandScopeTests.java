package dev.migrate.boot.autoconfigure;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * Commands on several databases and on tenants, on MariaDB.
 */
@RequiresDatabase(TestDatabase.MARIADB)
class MariaDbMigrateCommandScopeTests extends AbstractMigrateCommandScopeTests {

	@Override
	TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
