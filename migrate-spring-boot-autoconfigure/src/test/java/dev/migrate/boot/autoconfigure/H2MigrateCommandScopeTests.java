package dev.migrate.boot.autoconfigure;

import dev.migrate.testsupport.TestDatabase;

/**
 * Commands on several databases and on tenants, on H2.
 */
class H2MigrateCommandScopeTests extends AbstractMigrateCommandScopeTests {

	@Override
	TestDatabase database() {
		return TestDatabase.H2;
	}

}
