package dev.migrate.boot.autoconfigure;

import dev.migrate.testsupport.TestDatabase;

/**
 * Two persistence units, each on its own migrated database, on H2.
 */
class H2MigrateSeveralPersistenceUnitsTests extends AbstractMigrateSeveralPersistenceUnitsTests {

	@Override
	TestDatabase database() {
		return TestDatabase.H2;
	}

}
