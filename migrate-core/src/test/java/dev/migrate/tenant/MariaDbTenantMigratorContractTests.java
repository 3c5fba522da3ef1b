package dev.migrate.tenant;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database per tenant on one MariaDB server ({@code USE} per connection), locked with
 * named locks.
 */
@RequiresDatabase(TestDatabase.MARIADB)
class MariaDbTenantMigratorContractTests extends AbstractTenantMigratorContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

	@Override
	protected String dropSchema(String schema) {
		return "DROP DATABASE " + schema;
	}

	@Override
	protected String createSchema(String schema) {
		return "CREATE DATABASE " + schema;
	}

	@Override
	protected String currentSchema(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT DATABASE()", String.class);
	}

}
