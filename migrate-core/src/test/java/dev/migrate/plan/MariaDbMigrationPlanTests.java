package dev.migrate.plan;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

@RequiresDatabase(TestDatabase.MARIADB)
class MariaDbMigrationPlanTests extends AbstractMigrationPlanTests {

	@Override
	TestDatabase database() {
		return TestDatabase.MARIADB;
	}

	@Override
	boolean validates() {
		return false;
	}

}
