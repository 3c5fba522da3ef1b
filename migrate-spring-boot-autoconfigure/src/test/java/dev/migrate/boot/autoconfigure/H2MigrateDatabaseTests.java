package dev.migrate.boot.autoconfigure;

import dev.migrate.testsupport.TestDatabase;

/**
 * The auto-configuration and commands on H2.
 */
class H2MigrateDatabaseTests extends AbstractMigrateDatabaseTests {

	@Override
	TestDatabase database() {
		return TestDatabase.H2;
	}

}
