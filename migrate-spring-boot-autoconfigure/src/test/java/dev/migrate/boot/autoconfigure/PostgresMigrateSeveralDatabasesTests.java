package dev.migrate.boot.autoconfigure;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * Several DataSources on PostgreSQL.
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresMigrateSeveralDatabasesTests extends AbstractMigrateSeveralDatabasesTests {

	@Override
	TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

}
