package dev.migrate;

import dev.migrate.testsupport.TestDatabase;

/**
 * Bad input through the database, on H2.
 */
class H2BadInputContractTests extends AbstractBadInputContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
