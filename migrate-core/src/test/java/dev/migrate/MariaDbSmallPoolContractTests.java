package dev.migrate;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * A pool of two connections is enough on MariaDB.
 */
@RequiresDatabase(TestDatabase.MARIADB)
class MariaDbSmallPoolContractTests extends AbstractSmallPoolContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
