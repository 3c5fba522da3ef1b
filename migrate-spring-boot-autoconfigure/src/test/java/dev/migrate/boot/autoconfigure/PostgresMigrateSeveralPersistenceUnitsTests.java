package dev.migrate.boot.autoconfigure;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * Two persistence units, each on its own migrated database, on PostgreSQL.
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresMigrateSeveralPersistenceUnitsTests extends AbstractMigrateSeveralPersistenceUnitsTests {

	@Override
	TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

}
