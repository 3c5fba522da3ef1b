package dev.migrate;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * The contract on PostgreSQL (the local server, else an embedded one): transactional DDL
 * and an advisory lock.
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresMigratorContractTests extends AbstractMigratorContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

	@Override
	protected boolean hasTransactionalDdl() {
		return true;
	}

}
