package dev.migrate;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * Class hashes on MariaDB.
 */
@RequiresDatabase(TestDatabase.MARIADB)
class MariaDbClassHashContractTests extends AbstractClassHashContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
