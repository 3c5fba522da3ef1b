package dev.migrate;

import dev.migrate.testsupport.TestDatabase;

/**
 * The contract on HSQLDB, which commits DDL implicitly and locks with a lock row.
 */
class HsqldbMigratorContractTests extends AbstractLockRowMigratorContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.HSQLDB;
	}

}
