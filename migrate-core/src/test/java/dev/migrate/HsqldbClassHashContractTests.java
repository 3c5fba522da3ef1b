package dev.migrate;

import dev.migrate.testsupport.TestDatabase;

/**
 * Class hashes on Hsqldb.
 */
class HsqldbClassHashContractTests extends AbstractClassHashContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.HSQLDB;
	}

}
