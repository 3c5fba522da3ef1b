package dev.migrate.tenant;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;

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

	/** A search path of several schemas: all of it comes back, not only the first. */
	@Override
	protected void prepareConnection(JdbcTemplate jdbc) {
		jdbc.execute("SET search_path TO " + currentSchema(jdbc) + ", public");
	}

	@Override
	protected String connectionState(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SHOW search_path", String.class);
	}

}
