package dev.migrate.boot.autoconfigure;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * Commands on several databases and on tenants, on PostgreSQL.
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresMigrateCommandScopeTests extends AbstractMigrateCommandScopeTests {

	@Override
	TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

}
