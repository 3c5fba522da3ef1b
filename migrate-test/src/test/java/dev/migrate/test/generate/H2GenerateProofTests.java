package dev.migrate.test.generate;

import dev.migrate.generate.SchemaDifference.Kind;
import dev.migrate.testsupport.TestDatabase;

/**
 * {@link AbstractGenerateProofTests} on H2.
 */
class H2GenerateProofTests extends AbstractGenerateProofTests {

	@Override
	TestDatabase database() {
		return TestDatabase.H2;
	}

	@Override
	Kind uniqueRemoval() {
		return Kind.UNSUPPORTED;
	}

}
