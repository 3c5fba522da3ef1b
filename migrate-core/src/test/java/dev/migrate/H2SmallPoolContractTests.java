package dev.migrate;

import dev.migrate.testsupport.TestDatabase;

/**
 * A pool of two connections is enough on H2.
 */
class H2SmallPoolContractTests extends AbstractSmallPoolContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
