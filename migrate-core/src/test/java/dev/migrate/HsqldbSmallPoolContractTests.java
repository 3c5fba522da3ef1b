package dev.migrate;

import dev.migrate.testsupport.TestDatabase;

/**
 * A pool of two connections is enough on Hsqldb.
 */
class HsqldbSmallPoolContractTests extends AbstractSmallPoolContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.HSQLDB;
	}

}
