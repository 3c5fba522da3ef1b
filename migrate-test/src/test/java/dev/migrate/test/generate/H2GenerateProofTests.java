package dev.migrate.test.generate;

import dev.migrate.testsupport.TestDatabase;

/**
 * {@link AbstractGenerateProofTests} on H2.
 */
class H2GenerateProofTests extends AbstractGenerateProofTests {

	@Override
	TestDatabase database() {
		return TestDatabase.H2;
	}

}
