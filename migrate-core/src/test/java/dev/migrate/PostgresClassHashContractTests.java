package dev.migrate;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * Class hashes on PostgreSQL.
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresClassHashContractTests extends AbstractClassHashContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

}
