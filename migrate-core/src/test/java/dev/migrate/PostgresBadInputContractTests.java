package dev.migrate;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * Bad input through the database, on Postgres.
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresBadInputContractTests extends AbstractBadInputContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

	@Override
	protected boolean hasTransactionalDdl() {
		return true;
	}

}
