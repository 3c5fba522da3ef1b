package dev.migrate;

import dev.migrate.testsupport.TestDatabase;

/**
 * Bad input through the database, on Hsqldb.
 */
class HsqldbBadInputContractTests extends AbstractBadInputContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.HSQLDB;
	}

}
