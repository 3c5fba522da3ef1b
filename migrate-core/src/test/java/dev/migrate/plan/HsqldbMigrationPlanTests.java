package dev.migrate.plan;

import dev.migrate.testsupport.TestDatabase;

class HsqldbMigrationPlanTests extends AbstractMigrationPlanTests {

	@Override
	TestDatabase database() {
		return TestDatabase.HSQLDB;
	}

	@Override
	boolean validates() {
		return false;
	}

}
