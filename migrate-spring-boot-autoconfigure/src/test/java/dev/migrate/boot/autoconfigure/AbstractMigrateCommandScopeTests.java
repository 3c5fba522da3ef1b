package dev.migrate.boot.autoconfigure;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import dev.migrate.boot.autoconfigure.AbstractMigrateSeveralDatabasesTests.AddOrderTotal;
import dev.migrate.boot.autoconfigure.AbstractMigrateSeveralDatabasesTests.CreateOrders;
import dev.migrate.boot.autoconfigure.TestMigrations.AddAuthor;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateBooks;
import dev.migrate.boot.autoconfigure.command.MigrateCommandExitHandler;
import dev.migrate.boot.autoconfigure.command.MigrateCommandResult;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --migrate.command} on several databases and on tenants: every database and
 * tenant by default, or the one chosen with {@code migrate.database} and
 * {@code migrate.tenant}. One subclass per database.
 */
abstract class AbstractMigrateCommandScopeTests {

	private TestDatabase.Isolated primary;

	private TestDatabase.Isolated orders;

	private DatabaseState primaryState;

	private DatabaseState ordersState;

	private String prefix;

	private RecordingExitHandler exitHandler;

	abstract TestDatabase database();

	@BeforeEach
	void createDatabases() {
		this.primary = database().createIsolated();
		this.orders = database().createIsolated();
		this.primaryState = new DatabaseState(this.primary.dataSource());
		this.ordersState = new DatabaseState(this.orders.dataSource());
		this.prefix = "cs" + UUID.randomUUID().toString().replace("-", "").substring(0, 6) + "_";
		this.exitHandler = new RecordingExitHandler();
	}

	@AfterEach
	void dropDatabases() {
		JdbcTemplate jdbc = new JdbcTemplate(this.primary.dataSource());
		try {
			for (String schema : jdbc.queryForList("SELECT schema_name FROM information_schema.schemata",
					String.class)) {
				if (schema.toLowerCase(Locale.ROOT).startsWith(this.prefix)) {
					jdbc.execute((database() == TestDatabase.MARIADB) ? "DROP DATABASE " + schema
							: "DROP SCHEMA " + schema + " CASCADE");
				}
			}
		}
		finally {
			this.primary.close();
			this.orders.close();
		}
	}

	// Each test starts several contexts on the same databases: none may close their pool.
	private static DataSource unclosable(TestDatabase.Isolated database) {
		return new DelegatingDataSource(database.dataSource());
	}

	private ApplicationContextRunner severalDatabases() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MigrateAutoConfiguration.class, MigrateDatabasesAutoConfiguration.class))
			.withBean("primaryDataSource", DataSource.class, () -> unclosable(this.primary),
					(bd) -> bd.setPrimary(true))
			.withBean("ordersDataSource", DataSource.class, () -> unclosable(this.orders))
			.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateOrders.class, AddOrderTotal.class)
			.withPropertyValues("migrate.databases.orders.data-source=ordersDataSource");
	}

	private ApplicationContextRunner tenants() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MigrateAutoConfiguration.class, MigrateTenantsAutoConfiguration.class))
			.withBean("primaryDataSource", DataSource.class, () -> unclosable(this.primary))
			.withUserConfiguration(CreateBooks.class, AddAuthor.class)
			.withPropertyValues("migrate.tenants.names=" + tenant("acme") + "," + tenant("globex"),
					"migrate.tenants.parallelism=2");
	}

	private ApplicationContextRunner command(ApplicationContextRunner runner, String... properties) {
		return runner.withBean(MigrateCommandExitHandler.class, () -> this.exitHandler).withPropertyValues(properties);
	}

	private MigrateCommandResult result() {
		MigrateCommandResult result = this.exitHandler.result();
		assertThat(result).as("the command's result").isNotNull();
		return result;
	}

	private String tenant(String name) {
		return this.prefix + name;
	}

	private List<String> tenantHistory(String name) {
		return new JdbcTemplate(this.primary.dataSource()).queryForList(
				"SELECT CONCAT(version, ':', status) FROM " + tenant(name) + ".migrate_history ORDER BY installed_rank",
				String.class);
	}

	@Test
	void infoCommandReportsEveryDatabaseUnderItsNameAndChangesNothing() {
		command(severalDatabases(), "migrate.command=info").run((context) -> {
			MigrateCommandResult result = result();
			assertThat(result.exitCode()).isZero();
			assertThat(result.report())
				.startsWith("migrate info on primary database, database 'orders' (migrate.databases.orders): done on"
						+ " each.")
				.contains("== Primary database ==", "== Database 'orders' (migrate.databases.orders) ==")
				.contains("Create books", "Create orders", "PENDING");
			assertThat(this.primaryState.hasTable("book")).isFalse();
			assertThat(this.ordersState.hasTable("orders")).isFalse();
		});
	}

	@Test
	void migrateCommandMigratesEveryDatabase() {
		command(severalDatabases(), "migrate.command=migrate").run((context) -> {
			assertThat(result().exitCode()).isZero();
			assertThat(this.primaryState.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
			assertThat(this.ordersState.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
			assertThat(this.ordersState.hasColumn("orders", "total")).isTrue();
		});
	}

	@Test
	void rollbackCommandOnTheChosenDatabaseLeavesTheOthers() {
		severalDatabases().run((context) -> assertThat(context).hasNotFailed());
		command(severalDatabases(), "migrate.command=rollback", "migrate.database=orders").run((context) -> {
			MigrateCommandResult result = result();
			assertThat(result.exitCode()).as(result.report()).isZero();
			assertThat(result.report()).contains("Database 'orders'").contains("ROLLED_BACK").doesNotContain("book");
			assertThat(this.ordersState.history()).containsExactly("1:SUCCESS", "2:ROLLED_BACK");
			assertThat(this.ordersState.hasColumn("orders", "total")).isFalse();
			assertThat(this.primaryState.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
			assertThat(this.primaryState.hasColumn("book", "author")).isTrue();
		});
	}

	@Test
	void primaryChoosesThePrimaryDatabaseAlone() {
		command(severalDatabases(), "migrate.command=migrate", "migrate.database=primary").run((context) -> {
			assertThat(result().exitCode()).isZero();
			assertThat(this.primaryState.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
			assertThat(this.ordersState.hasTable("migrate_history")).isFalse();
		});
	}

	@Test
	void aChangingCommandStopsAtTheFirstFailingDatabaseAndLeavesTheNextAsItWas() {
		new JdbcTemplate(this.primary.dataSource()).execute("CREATE TABLE book (id INT)");
		command(severalDatabases(), "migrate.command=migrate").run((context) -> {
			MigrateCommandResult result = result();
			assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.FAILED);
			assertThat(result.report()).contains("FAILED (exit code 1)")
				.contains("Succeeded: none.")
				.contains("Not run, left as they were (migrate migrate stops at the first failure): database"
						+ " 'orders' (migrate.databases.orders).")
				.contains("Migration 1");
			assertThat(this.ordersState.hasTable("migrate_history")).isFalse();
			assertThat(this.ordersState.hasTable("orders")).isFalse();
		});
	}

	@Test
	void aReadingCommandGoesOnAfterAProblemSoThatEveryDatabaseIsReported() {
		severalDatabases().run((context) -> assertThat(context).hasNotFailed());
		new JdbcTemplate(this.primary.dataSource())
			.update("UPDATE migrate_history SET checksum = 'b1:0000' WHERE version = '2'");
		command(severalDatabases(), "migrate.command=validate").run((context) -> {
			MigrateCommandResult result = result();
			assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.INVALID);
			assertThat(result.report())
				.contains("== Primary database ==\nmigrate validate: 1 problem found".replace("\n",
						System.lineSeparator()))
				.contains("== Database 'orders' (migrate.databases.orders) ==" + System.lineSeparator()
						+ "migrate validate: valid.");
		});
	}

	@Test
	void anUnknownDatabaseIsRefusedNamingTheChoicesAndNothingIsChanged() {
		command(severalDatabases(), "migrate.command=migrate", "migrate.database=archive").run((context) -> {
			MigrateCommandResult result = result();
			assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
			assertThat(result.report()).contains("migrate.database=archive names no database that is migrated")
				.contains("Nothing was changed in any database")
				.contains("Choose one of primary, orders");
			assertThat(this.primaryState.hasTable("migrate_history")).isFalse();
			assertThat(this.ordersState.hasTable("migrate_history")).isFalse();
		});
	}

	@Test
	void onePlanOutputForSeveralDatabasesIsRefused() {
		command(severalDatabases(), "migrate.command=plan", "migrate.plan-output=target/plan.sql").run((context) -> {
			MigrateCommandResult result = result();
			assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
			assertThat(result.report()).contains("takes one script").contains("migrate.database");
		});
	}

	@Test
	void aDatabaseNamedLikeTheChoiceOfThePrimaryIsRefusedAtStartUp() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MigrateAutoConfiguration.class, MigrateDatabasesAutoConfiguration.class))
			.withBean("primaryDataSource", DataSource.class, () -> unclosable(this.primary),
					(bd) -> bd.setPrimary(true))
			.withBean("ordersDataSource", DataSource.class, () -> unclosable(this.orders))
			.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.databases.primary.data-source=ordersDataSource")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("migrate.databases.primary uses a name that migrate.database keeps for the"
							+ " primary database");
				assertThat(this.ordersState.hasTable("migrate_history")).isFalse();
			});
	}

	@Test
	void migrateCommandMigratesThePrimaryDatabaseAndEveryTenant() {
		command(tenants(), "migrate.command=migrate").run((context) -> {
			MigrateCommandResult result = result();
			assertThat(result.exitCode()).as(result.report()).isZero();
			assertThat(result.report()).contains("== Tenants ==").contains("tenants 2/2 migrated");
			assertThat(this.primaryState.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
			assertThat(tenantHistory("acme")).containsExactly("1:SUCCESS", "2:SUCCESS");
			assertThat(tenantHistory("globex")).containsExactly("1:SUCCESS", "2:SUCCESS");
		});
	}

	@Test
	void infoCommandSummarisesTheTenants() {
		tenants().run((context) -> assertThat(context).hasNotFailed());
		command(tenants(), "migrate.command=info", "migrate.database=tenants").run((context) -> {
			MigrateCommandResult result = result();
			assertThat(result.exitCode()).isZero();
			assertThat(result.report())
				.contains("migrate info: 2 tenant(s), by version {2=2}, 0 with pending" + " migrations, 0 failed.")
				.doesNotContain("Primary database");
		});
	}

	@Test
	void rollbackCommandOnOneTenantLeavesTheOthersAndThePrimaryDatabase() {
		tenants().run((context) -> assertThat(context).hasNotFailed());
		command(tenants(), "migrate.command=rollback", "migrate.tenant=" + tenant("acme")).run((context) -> {
			MigrateCommandResult result = result();
			assertThat(result.exitCode()).as(result.report()).isZero();
			assertThat(result.report()).startsWith("migrate rollback on tenant '" + tenant("acme") + "': done.");
			assertThat(tenantHistory("acme")).containsExactly("1:SUCCESS", "2:ROLLED_BACK");
			assertThat(tenantHistory("globex")).containsExactly("1:SUCCESS", "2:SUCCESS");
			assertThat(this.primaryState.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
		});
	}

	@Test
	void rollbackCommandOnAllTenantsRollsBackEachOne() {
		tenants().run((context) -> assertThat(context).hasNotFailed());
		command(tenants(), "migrate.command=rollback", "migrate.database=tenants", "migrate.target=0")
			.run((context) -> {
				MigrateCommandResult result = result();
				assertThat(result.exitCode()).as(result.report()).isZero();
				assertThat(result.report()).contains("migrate rollback on 2 tenant(s): 2 done.");
				assertThat(tenantHistory("acme")).containsExactly("1:ROLLED_BACK", "2:ROLLED_BACK");
				assertThat(tenantHistory("globex")).containsExactly("1:ROLLED_BACK", "2:ROLLED_BACK");
				assertThat(this.primaryState.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
			});
	}

	@Test
	void anUnknownTenantIsRefusedNamingTheTenants() {
		command(tenants(), "migrate.command=migrate", "migrate.tenant=initech").run((context) -> {
			MigrateCommandResult result = result();
			assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
			assertThat(result.report()).contains("migrate.tenant=initech is not one of the 2 tenant(s) listed ("
					+ tenant("acme") + ", " + tenant("globex") + ")");
			assertThat(this.primaryState.hasTable("migrate_history")).isFalse();
		});
	}

	@Test
	void aTenantWithoutTenantsIsRefused() {
		command(severalDatabases(), "migrate.command=info", "migrate.tenant=acme").run((context) -> {
			MigrateCommandResult result = result();
			assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
			assertThat(result.report()).contains("no tenants are configured");
		});
	}

}
