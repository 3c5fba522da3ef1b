package dev.migrate.test.generate;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * {@link AbstractGenerateProofTests} on MariaDb; skipped with the reason where it is not
 * available.
 */
@RequiresDatabase(TestDatabase.MARIADB)
class MariaDbGenerateProofTests extends AbstractGenerateProofTests {

	@Override
	TestDatabase database() {
		return TestDatabase.MARIADB;
	}

}
