package dev.migrate.boot.autoconfigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import dev.migrate.Migration;
import dev.migrate.boot.actuate.endpoint.MigrateTenantsEndpoint;
import dev.migrate.boot.actuate.endpoint.MigrateTenantsEndpoint.TenantsDescriptor;
import dev.migrate.boot.actuate.health.MigrateTenantsHealthIndicator;
import dev.migrate.boot.autoconfigure.TestMigrations.AddAuthor;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateBooks;
import dev.migrate.tenant.Tenant;
import dev.migrate.tenant.TenantMigrationException;
import dev.migrate.tenant.TenantMigrator;
import dev.migrate.tenant.TenantOutcome;
import dev.migrate.tenant.TenantSource;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenants' auto-configuration on a real database: tenants in schemas of the
 * application's DataSource. One subclass per database.
 */
abstract class AbstractMigrateTenantsTests {

	private TestDatabase.Isolated database;

	private JdbcTemplate jdbc;

	private ApplicationContextRunner contextRunner;

	private String prefix;

	abstract TestDatabase database();

	@BeforeEach
	void createDatabase() {
		this.database = database().createIsolated();
		this.jdbc = new JdbcTemplate(this.database.dataSource());
		this.prefix = "bt" + UUID.randomUUID().toString().replace("-", "").substring(0, 6) + "_";
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
					MigrateTenantsAutoConfiguration.class, EndpointAutoConfiguration.class,
					WebEndpointAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.database.url(),
					"spring.datasource.username=" + this.database.user(),
					"spring.datasource.password=" + this.database.password(),
					"management.endpoints.web.exposure.include=migratetenants")
			.withUserConfiguration(CreateBooks.class, AddAuthor.class);
	}

	@AfterEach
	void dropDatabase() {
		try {
			for (String schema : this.jdbc.queryForList("SELECT schema_name FROM information_schema.schemata",
					String.class)) {
				if (schema.toLowerCase(Locale.ROOT).startsWith(this.prefix)) {
					// A MariaDB schema is a database, dropped with what it holds.
					this.jdbc.execute((database() == TestDatabase.MARIADB) ? "DROP DATABASE " + schema
							: "DROP SCHEMA " + schema + " CASCADE");
				}
			}
		}
		finally {
			this.database.close();
		}
	}

	private String tenant(String name) {
		return this.prefix + name;
	}

	private List<String> history(String schema) {
		return this.jdbc.queryForList(
				"SELECT CONCAT(version, ':', status) FROM " + schema + ".migrate_history ORDER BY installed_rank",
				String.class);
	}

	private boolean hasSchema(String schema) {
		return this.jdbc.queryForList("SELECT schema_name FROM information_schema.schemata", String.class)
			.stream()
			.anyMatch(schema::equalsIgnoreCase);
	}

	@Test
	void migratesEveryConfiguredTenantDuringStartUp() {
		this.contextRunner
			.withPropertyValues("migrate.tenants.names=" + tenant("acme") + "," + tenant("globex"),
					"migrate.tenants.parallelism=2")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(TenantMigrator.class);
				for (String schema : List.of(tenant("acme"), tenant("globex"))) {
					assertThat(history(schema)).containsExactly("1:SUCCESS", "2:SUCCESS");
					assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM " + schema + ".book", Integer.class))
						.isOne();
				}
			});
	}

	@Test
	void tenantsTakeTheMigrationsOfTheirDatabaseAndTheDefaultSchemaKeepsItsOwn() {
		this.contextRunner.withUserConfiguration(CreateLedger.class)
			.withPropertyValues("migrate.tenants.names=" + tenant("acme"), "migrate.tenants.database=tenants")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(history(tenant("acme"))).containsExactly("1:SUCCESS");
				assertThat(
						this.jdbc.queryForObject("SELECT COUNT(*) FROM " + tenant("acme") + ".ledger", Integer.class))
					.isZero();
				DatabaseState defaultSchema = new DatabaseState(this.database.dataSource());
				assertThat(defaultSchema.hasTable("book")).isTrue();
				assertThat(defaultSchema.hasTable("ledger")).isFalse();
			});
	}

	@Test
	void tenantsWithMigrationsOfTheirOwnTakeTheSqlFilesOfTheirLocations() {
		this.contextRunner.withUserConfiguration(CreateLedger.class)
			.withPropertyValues("migrate.tenants.names=" + tenant("acme"), "migrate.tenants.database=tenants",
					"migrate.tenants.locations=classpath:db/tenants")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(history(tenant("acme"))).containsExactly("1:SUCCESS", "2:SUCCESS");
				assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM " + tenant("acme") + ".notes", Integer.class))
					.isZero();
				assertThat(new DatabaseState(this.database.dataSource()).hasTable("notes")).isFalse();
			});
	}

	@Test
	void tenantLocationsWithoutMigrationsOfTheirOwnAreRefused() {
		this.contextRunner
			.withPropertyValues("migrate.tenants.names=" + tenant("acme"),
					"migrate.tenants.locations=classpath:db/tenants")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("migrate.tenants.locations=classpath:db/tenants is set, but the tenants take"
							+ " the application's own migrations")
					.hasMessageContaining("Set migrate.tenants.database");
				assertThat(hasSchema(tenant("acme"))).isFalse();
			});
	}

	@Migration(version = "1", database = "tenants")
	static class CreateLedger {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE ledger (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE ledger");
		}

	}

	@Test
	void backsOffWithoutTenants() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(TenantMigrator.class)
			.doesNotHaveBean(MigrateTenantsInitializer.class));
	}

	@Test
	void migratesTheTenantsOfTheApplicationsTenantSource() {
		List<String> registry = List.of(tenant("one"), tenant("two"), tenant("three"));
		this.contextRunner.withBean(TenantSource.class, () -> () -> registry.stream().map(Tenant::schema).toList())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				for (String schema : registry) {
					assertThat(history(schema)).containsExactly("1:SUCCESS", "2:SUCCESS");
				}
			});
	}

	@Test
	void migratesATenantThatSignsUpThroughTheBean() {
		this.contextRunner.withPropertyValues("migrate.tenants.names=" + tenant("first")).run((context) -> {
			TenantOutcome outcome = context.getBean(TenantMigrator.class).migrate(Tenant.schema(tenant("newcomer")));
			assertThat(outcome.applied()).isEqualTo(2);
			assertThat(history(tenant("newcomer"))).containsExactly("1:SUCCESS", "2:SUCCESS");
		});
	}

	@Test
	void tenantsAreMigratedBeforeBeansThatDependOnDatabaseInitialization() {
		this.contextRunner.withPropertyValues("migrate.tenants.names=" + tenant("early"))
			.withBean("bookCounter", BookCounter.class,
					() -> new BookCounter(this.database.dataSource(), tenant("early")))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(BookCounter.class).books).isOne();
			});
	}

	@Test
	void aFailedTenantFailsStartUpNamingItAndTheSettingToContinue() {
		String broken = tenant("broken");
		this.jdbc.execute("CREATE SCHEMA " + broken);
		this.jdbc.execute("CREATE TABLE " + broken + ".book (id INT)");
		this.contextRunner.withPropertyValues("migrate.tenants.names=" + tenant("fine") + "," + broken)
			.withPropertyValues("migrate.tenants.parallelism=1")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				while (!(failure instanceof TenantMigrationException) && failure.getCause() != null) {
					failure = failure.getCause();
				}
				assertThat(failure).isInstanceOf(TenantMigrationException.class)
					.hasMessageContaining("1 of 2 tenant(s) failed")
					.hasMessageContaining(broken)
					.hasMessageContaining("migrate.tenants.failure-policy=continue");
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("1 of 2 tenant(s) failed", broken);
				assertThat(analysis.getAction()).contains("migrate.tenants.failure-policy=continue");
				assertThat(history(tenant("fine"))).containsExactly("1:SUCCESS", "2:SUCCESS");
			});
	}

	@Test
	void withContinueAndNoFailOnErrorStartsAndReportsTheFailedTenant() {
		String broken = tenant("broken");
		this.jdbc.execute("CREATE SCHEMA " + broken);
		this.jdbc.execute("CREATE TABLE " + broken + ".book (id INT)");
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			names.add(tenant("t" + i));
		}
		names.add(2, broken);
		this.contextRunner
			.withPropertyValues("migrate.tenants.names=" + String.join(",", names),
					"migrate.tenants.failure-policy=continue", "migrate.tenants.fail-on-error=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				for (int i = 0; i < 5; i++) {
					assertThat(history(tenant("t" + i))).containsExactly("1:SUCCESS", "2:SUCCESS");
				}
				Health health = context.getBean(MigrateTenantsHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("failed", 1).containsEntry("tenants", 6);
				assertThat((List<?>) health.getDetails().get("failedTenants")).singleElement()
					.asString()
					.startsWith(broken + ": ");
				MigrateTenantsEndpoint endpoint = context.getBean(MigrateTenantsEndpoint.class);
				TenantsDescriptor summary = endpoint.tenants(null, null, null);
				assertThat(summary.getTotal()).isEqualTo(6);
				assertThat(summary.getVersions()).containsEntry("2", 5L);
				// A failed migration leaves a FAILED row where DDL is not transactional
				// (H2,
				// MariaDB); on PostgreSQL it is rolled back and the tenant is pending
				// again.
				Set<String> notUpToDate = new HashSet<>();
				endpoint.tenants("failed", null, null)
					.getTenants()
					.forEach((tenant) -> notUpToDate.add(tenant.getName()));
				endpoint.tenants("pending", null, null)
					.getTenants()
					.forEach((tenant) -> notUpToDate.add(tenant.getName()));
				assertThat(notUpToDate).containsExactly(broken);
				TenantsDescriptor all = context.getBean(MigrateTenantsEndpoint.class).tenants("all", 1, 4);
				assertThat(all.getTenants()).hasSize(2);
				assertThat(all.getListedTotal()).isEqualTo(6);
			});
	}

	@Test
	void validateModeFailsWhileTenantsArePendingAndChangesNothing() {
		// The application's default schema is migrated; its tenants are not.
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues("migrate.tenants.names=" + tenant("later"), "migrate.on-startup=validate")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("Tenants are not up to date")
					.hasMessageContaining(tenant("later"));
				assertThat(hasSchema(tenant("later"))).isFalse();
			});
	}

	@Test
	void invalidTenantNamesFailStartUpAndChangeNothing() {
		this.contextRunner.withPropertyValues("migrate.tenants.names=" + tenant("ok") + ",not-an-identifier")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("tenant name 'not-an-identifier' is not a plain identifier")
					.hasMessageContaining("migrate.tenants.names");
				assertThat(hasSchema(tenant("ok"))).isFalse();
			});
	}

	@DependsOnDatabaseInitialization
	static class BookCounter {

		final int books;

		BookCounter(DataSource dataSource, String schema) {
			Integer count = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM " + schema + ".book",
					Integer.class);
			this.books = (count != null) ? count : 0;
		}

	}

}
