package dev.migrate.boot.autoconfigure;

import dev.migrate.testsupport.TestDatabase;

/**
 * Several DataSources on H2.
 */
class H2MigrateSeveralDatabasesTests extends AbstractMigrateSeveralDatabasesTests {

	@Override
	TestDatabase database() {
		return TestDatabase.H2;
	}

}
