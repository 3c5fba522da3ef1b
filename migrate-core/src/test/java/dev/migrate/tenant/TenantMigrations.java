package dev.migrate.tenant;

import java.util.List;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migrations every tenant gets. Unqualified names: they resolve in the tenant's schema.
 */
final class TenantMigrations {

	private TenantMigrations() {
	}

	static List<Object> all() {
		return List.of(new CreateAccounts(), new AddAccountsEmail(), new CreateInvoices());
	}

	@Migration(version = "1")
	public static class CreateAccounts {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(50))");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE accounts");
		}

	}

	@Migration(version = "2", description = "Add email to accounts")
	public static class AddAccountsEmail {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE accounts ADD COLUMN email VARCHAR(100)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE accounts DROP COLUMN email");
		}

	}

	@Migration(version = "3")
	public static class CreateInvoices {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE invoices (id INT PRIMARY KEY, account_id INT)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE invoices");
		}

	}

}
