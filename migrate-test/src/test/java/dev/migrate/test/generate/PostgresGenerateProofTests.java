package dev.migrate.test.generate;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * {@link AbstractGenerateProofTests} on Postgres; skipped with the reason where it is not
 * available.
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresGenerateProofTests extends AbstractGenerateProofTests {

	@Override
	TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

}
