package dev.migrate.tenant;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * Tenants in schemas of one PostgreSQL database ({@code search_path} per connection),
 * locked with advisory locks.
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresTenantMigratorContractTests extends AbstractTenantMigratorContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

}
