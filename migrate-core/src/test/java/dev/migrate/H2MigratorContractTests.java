package dev.migrate;

import dev.migrate.testsupport.TestDatabase;

/**
 * The contract on H2, which commits DDL implicitly and locks with a lock row.
 */
class H2MigratorContractTests extends AbstractLockRowMigratorContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.H2;
	}

}
