package dev.migrate;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * A pool of two connections is enough on PostgreSQL.
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresSmallPoolContractTests extends AbstractSmallPoolContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

}
