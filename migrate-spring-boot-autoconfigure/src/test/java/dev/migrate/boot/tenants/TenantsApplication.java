package dev.migrate.boot.tenants;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.Migration;
import dev.migrate.tenant.Tenant;
import dev.migrate.tenant.TenantMigrationResult;
import dev.migrate.tenant.TenantMigrator;
import dev.migrate.tenant.TenantSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An application with tenants that {@link TenantsMultiProcessTests} starts in JVMs of
 * their own: its tenants are {@code <tenants-test.prefix>000} and on, its migrations
 * three. Prints how many tenants it migrated itself, then ends.
 */
@SpringBootApplication
public class TenantsApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(TenantsApplication.class, args);
		TenantMigrationResult result = context.getBean(TenantMigrator.class).getLastResult();
		System.out.println("tenants-migrated-here: " + ((result != null) ? result.migrated().size() : -1));
		System.out.println("tenants-deferrals: " + ((result != null) ? result.deferrals() : -1));
		System.exit(SpringApplication.exit(context));
	}

	@Bean
	TenantSource tenantSource(Environment environment) {
		String prefix = environment.getRequiredProperty("tenants-test.prefix");
		int count = environment.getRequiredProperty("tenants-test.count", Integer.class);
		List<Tenant> tenants = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tenants.add(Tenant.schema(prefix + String.format(Locale.ROOT, "%03d", i)));
		}
		return TenantSource.of(tenants);
	}

	@Migration(version = "1")
	static class CreateAccounts {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(50))");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE accounts");
		}

	}

	@Migration(version = "2")
	static class AddAccountsEmail {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE accounts ADD COLUMN email VARCHAR(100)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE accounts DROP COLUMN email");
		}

	}

	@Migration(version = "3")
	static class CreateInvoices {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE invoices (id INT PRIMARY KEY, account_id INT)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE invoices");
		}

	}

}
