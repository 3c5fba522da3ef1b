package dev.migrate;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * The contract on MariaDB (the local server): DDL commits implicitly, schemas are
 * catalogs, and the lock is {@code GET_LOCK}.
 */
@RequiresDatabase(TestDatabase.MARIADB)
class MariaDbMigratorContractTests extends AbstractMigratorContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

	@Override
	protected boolean schemasAreCatalogs() {
		return true;
	}

}
