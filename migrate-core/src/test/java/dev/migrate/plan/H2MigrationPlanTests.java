package dev.migrate.plan;

import dev.migrate.testsupport.TestDatabase;

class H2MigrationPlanTests extends AbstractMigrationPlanTests {

	@Override
	TestDatabase database() {
		return TestDatabase.H2;
	}

	@Override
	boolean validates() {
		return false;
	}

}
