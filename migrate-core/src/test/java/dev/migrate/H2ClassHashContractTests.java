package dev.migrate;

import dev.migrate.testsupport.TestDatabase;

/**
 * Class hashes on H2.
 */
class H2ClassHashContractTests extends AbstractClassHashContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
