package dev.migrate.plan;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresMigrationPlanTests extends AbstractMigrationPlanTests {

	@Override
	TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

	@Override
	boolean validates() {
		return true;
	}

}
