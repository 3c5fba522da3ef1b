package dev.migrate;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * Bad input through the database, on MariaDb.
 */
@RequiresDatabase(TestDatabase.MARIADB)
class MariaDbBadInputContractTests extends AbstractBadInputContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
