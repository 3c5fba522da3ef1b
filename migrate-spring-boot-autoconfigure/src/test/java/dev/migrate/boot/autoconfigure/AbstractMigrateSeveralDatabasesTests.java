package dev.migrate.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.Migration;
import dev.migrate.boot.actuate.endpoint.MigrationsEndpoint;
import dev.migrate.boot.actuate.endpoint.MigrationsEndpoint.ContextMigratorsDescriptor;
import dev.migrate.boot.actuate.endpoint.MigrationsEndpoint.MigratorDescriptor;
import dev.migrate.boot.actuate.metrics.MigratePendingMigrationsMetrics;
import dev.migrate.boot.autoconfigure.TestMigrations.AddAuthor;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateBooks;
import dev.migrate.testsupport.TestDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several DataSources, each with its own migrations and history: the primary one and
 * {@code migrate.databases.orders}. One subclass per database.
 */
abstract class AbstractMigrateSeveralDatabasesTests {

	private static final AutoConfigurations ENDPOINT = AutoConfigurations.of(EndpointAutoConfiguration.class,
			WebEndpointAutoConfiguration.class, JacksonEndpointAutoConfiguration.class,
			MigrateEndpointAutoConfiguration.class);

	private TestDatabase.Isolated primary;

	private TestDatabase.Isolated orders;

	private ApplicationContextRunner contextRunner;

	abstract TestDatabase database();

	@BeforeEach
	void createDatabases() {
		this.primary = database().createIsolated();
		this.orders = database().createIsolated();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class,
					MigrateDatabasesAutoConfiguration.class, MigrateHealthContributorAutoConfiguration.class))
			.withBean("primaryDataSource", DataSource.class, this.primary::dataSource, (bd) -> {
				bd.setPrimary(true);
				keepOpen(bd);
			})
			.withBean("ordersDataSource", DataSource.class, this.orders::dataSource,
					AbstractMigrateSeveralDatabasesTests::keepOpen)
			.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateOrders.class, AddOrderTotal.class);
	}

	/**
	 * Keep the pool of a test's database open when the context closes, start-up failures
	 * included, so that the test can still look into the database.
	 * @param definition the definition of the DataSource bean
	 */
	static void keepOpen(BeanDefinition definition) {
		definition.setDestroyMethodName("");
	}

	@AfterEach
	void dropDatabases() {
		this.primary.close();
		this.orders.close();
	}

	private static List<String> history(TestDatabase.Isolated database) {
		return new JdbcTemplate(database.dataSource())
			.queryForList("SELECT version || ':' || status FROM migrate_history ORDER BY installed_rank", String.class);
	}

	private static boolean hasTable(TestDatabase.Isolated database, String table) {
		return new DatabaseState(database.dataSource()).hasTable(table);
	}

	@Test
	void migratesEachDatabaseWithItsOwnMigrationsAndHistory() {
		this.contextRunner.withPropertyValues("migrate.databases.orders.data-source=ordersDataSource")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(history(this.primary)).containsExactly("1:SUCCESS", "2:SUCCESS");
				assertThat(history(this.orders)).containsExactly("1:SUCCESS", "2:SUCCESS");
				assertThat(hasTable(this.primary, "book")).isTrue();
				assertThat(hasTable(this.primary, "orders")).isFalse();
				assertThat(hasTable(this.orders, "orders")).isTrue();
				assertThat(hasTable(this.orders, "book")).isFalse();
				assertThat(new DatabaseState(this.orders.dataSource()).hasColumn("orders", "total")).isTrue();
				assertThat(context.getBean(MigrateDatabases.class).getNames()).containsExactly("orders");
			});
	}

	@Test
	void aSecondDataSourceThatIsNoDefaultCandidateLeavesSpringBootsDataSourcePrimary() {
		TestDatabase.Isolated orders = this.orders;
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
					MigrateDatabasesAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.primary.url(),
					"spring.datasource.username=" + this.primary.user(),
					"spring.datasource.password=" + this.primary.password(),
					"migrate.databases.orders.data-source=ordersDataSource")
			.withBean("ordersDataSource", DataSource.class, orders::dataSource,
					(bd) -> ((AbstractBeanDefinition) bd).setDefaultCandidate(false))
			.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateOrders.class, AddOrderTotal.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(history(this.primary)).containsExactly("1:SUCCESS", "2:SUCCESS");
				assertThat(hasTable(this.primary, "book")).isTrue();
				assertThat(hasTable(this.orders, "orders")).isTrue();
				assertThat(hasTable(this.orders, "book")).isFalse();
			});
	}

	@Test
	void reachesADatabaseByItsOwnUrlWithItsOwnHistoryTable() {
		this.contextRunner
			.withPropertyValues("migrate.databases.orders.url=" + this.orders.url(),
					"migrate.databases.orders.user=" + this.orders.user(),
					"migrate.databases.orders.password=" + this.orders.password(),
					"migrate.databases.orders.table=orders_history")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(new JdbcTemplate(this.orders.dataSource())
					.queryForList("SELECT version FROM orders_history ORDER BY installed_rank", String.class))
					.containsExactly("1", "2");
				assertThat(hasTable(this.orders, "migrate_history")).isFalse();
			});
	}

	@Test
	void aDisabledDatabaseIsNotMigrated() {
		this.contextRunner
			.withPropertyValues("migrate.databases.orders.data-source=ordersDataSource",
					"migrate.databases.orders.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(hasTable(this.orders, "orders")).isFalse();
				assertThat(history(this.primary)).containsExactly("1:SUCCESS", "2:SUCCESS");
			});
	}

	@Test
	void aDatabaseTakesTheSqlFilesOfItsOwnLocations() {
		this.contextRunner
			.withPropertyValues("migrate.databases.orders.data-source=ordersDataSource",
					"migrate.databases.orders.locations=classpath:db/orders")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(history(this.orders)).containsExactly("1:SUCCESS", "2:SUCCESS", "3:SUCCESS");
				assertThat(hasTable(this.orders, "invoices")).isTrue();
				assertThat(hasTable(this.primary, "invoices")).isFalse();
				assertThat(history(this.primary)).containsExactly("1:SUCCESS", "2:SUCCESS");
			});
	}

	@Test
	void aDatabaseThatExistedBeforeMigrateIsBaselinedWithItsOwnSettings() {
		new JdbcTemplate(this.orders.dataSource()).execute("CREATE TABLE orders (id INT PRIMARY KEY, total INT)");
		this.contextRunner
			.withPropertyValues("migrate.databases.orders.data-source=ordersDataSource",
					"migrate.databases.orders.locations=classpath:db/orders",
					"migrate.databases.orders.baseline-on-migrate=true", "migrate.databases.orders.baseline-version=2")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(new DatabaseState(this.orders.dataSource()).history()).containsExactly("2:BASELINE",
						"3:SUCCESS");
				assertThat(hasTable(this.orders, "invoices")).isTrue();
				// The primary database is not baselined: its history starts with its
				// first
				// migration.
				assertThat(history(this.primary)).containsExactly("1:SUCCESS", "2:SUCCESS");
			});
	}

	@Test
	void healthHasOneComponentPerDatabase() {
		this.contextRunner.withPropertyValues("migrate.databases.orders.data-source=ordersDataSource")
			.run((context) -> {
				CompositeHealthContributor databases = context.getBean("migrateDatabasesHealthContributor",
						CompositeHealthContributor.class);
				assertThat(((HealthIndicator) databases.getContributor("orders")).health().getStatus())
					.isEqualTo(Status.UP);
			});
	}

	@Test
	void everyDatabaseIsMigratedBeforeBeansThatDependOnDatabaseInitialization() {
		this.contextRunner.withPropertyValues("migrate.databases.orders.data-source=ordersDataSource")
			.withUserConfiguration(OrderCounterConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(OrderCounter.class).orders).isZero();
			});
	}

	@Test
	void aMigrationNamingAnUnknownDatabaseFailsStartUpAndChangesNothing() {
		this.contextRunner.withPropertyValues("migrate.databases.archive.data-source=ordersDataSource")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("Migrations name databases that are not configured")
					.hasMessageContaining("names database 'orders'")
					.hasMessageContaining("[archive]");
				assertThat(hasTable(this.orders, "orders")).isFalse();
				assertThat(hasTable(this.orders, "migrate_history")).isFalse();
			});
	}

	@Test
	void aMigrationNamingADatabaseFailsStartUpWhenNoneIsConfigured() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("Migrations name databases that are not configured")
				.hasMessageContaining("names database 'orders'");
			assertThat(hasTable(this.primary, "migrate_history")).isFalse();
			assertThat(hasTable(this.orders, "orders")).isFalse();
		});
	}

	@Test
	void twoDatabasesSharingOneHistoryTableFailStartUp() {
		this.contextRunner.withPropertyValues("migrate.databases.orders.data-source=primaryDataSource")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("Two databases share one history table")
					.hasMessageContaining("'primary' and 'orders' both keep their history in migrate_history");
				assertThat(hasTable(this.orders, "orders")).isFalse();
			});
	}

	@Test
	void aFailingMigrationStopsStartUpNamingTheDatabase() {
		new JdbcTemplate(this.orders.dataSource()).execute("CREATE TABLE orders (id INT)");
		this.contextRunner.withPropertyValues("migrate.databases.orders.data-source=ordersDataSource")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				while (!(failure instanceof MigrateDatabaseFailedException) && failure.getCause() != null) {
					failure = failure.getCause();
				}
				assertThat(failure).isInstanceOf(MigrateDatabaseFailedException.class)
					.hasMessageStartingWith("Database 'orders' (migrate.databases.orders): ")
					.hasMessageContaining("Migration 1");
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).startsWith("Database 'orders' (migrate.databases.orders): ");
			});
	}

	@Test
	void endpointDescribesTheMigratorBeanAndEveryDatabase() {
		this.contextRunner.withConfiguration(ENDPOINT)
			.withPropertyValues("migrate.databases.orders.data-source=ordersDataSource",
					"management.endpoints.web.exposure.include=migrations")
			.run((context) -> {
				JsonNode application = endpointJson(context).get("contexts").get(context.getId());
				assertThat(application.propertyNames()).containsExactlyInAnyOrder("migrators", "databases");
				assertThat(application.get("migrators").propertyNames()).containsExactly("migrator");
				assertThat(application.get("databases").propertyNames()).containsExactly("orders");
				JsonNode migrator = application.get("migrators").get("migrator");
				assertThat(migrator.propertyNames()).containsExactlyInAnyOrder("database", "historyTable",
						"currentVersion", "pending", "migrations");
				assertThat(migrator.get("currentVersion").asString()).isEqualTo("2");
				assertThat(migrator.get("migrations").findValuesAsString("className"))
					.containsExactly(CreateBooks.class.getName(), AddAuthor.class.getName());
				JsonNode orders = application.get("databases").get("orders");
				assertThat(orders.propertyNames()).containsExactlyInAnyOrder("database", "historyTable",
						"currentVersion", "pending", "migrations");
				assertThat(orders.get("currentVersion").asString()).isEqualTo("2");
				assertThat(orders.get("pending").asInt()).isZero();
				assertThat(orders.get("historyTable").asString()).containsIgnoringCase("migrate_history");
				assertThat(orders.get("migrations").findValuesAsString("className"))
					.containsExactly(CreateOrders.class.getName(), AddOrderTotal.class.getName());
				assertThat(orders.get("migrations").findValuesAsString("state")).containsOnly("APPLIED");
			});
	}

	@Test
	void endpointStillDescribesTheMigratorBeanWhenADatabaseCannotBeRead() {
		this.contextRunner.withConfiguration(ENDPOINT)
			.withPropertyValues("migrate.databases.orders.data-source=ordersDataSource",
					"management.endpoints.web.exposure.include=migrations")
			.run((context) -> {
				closePool(this.orders);
				JsonNode application = endpointJson(context).get("contexts").get(context.getId());
				JsonNode orders = application.get("databases").get("orders");
				assertThat(orders.propertyNames()).containsExactly("error");
				assertThat(orders.get("error").asString()).contains("has been closed");
				JsonNode migrator = application.get("migrators").get("migrator");
				assertThat(migrator.has("error")).isFalse();
				assertThat(migrator.get("currentVersion").asString()).isEqualTo("2");
			});
	}

	@Test
	void endpointStillDescribesTheDatabasesWhenTheMigratorBeanCannotBeRead() {
		this.contextRunner.withConfiguration(ENDPOINT)
			.withPropertyValues("migrate.databases.orders.data-source=ordersDataSource",
					"management.endpoints.web.exposure.include=migrations")
			.run((context) -> {
				closePool(this.primary);
				ContextMigratorsDescriptor application = context.getBean(MigrationsEndpoint.class)
					.migrations()
					.getContexts()
					.get(context.getId());
				MigratorDescriptor migrator = application.getMigrators().get("migrator");
				assertThat(migrator.getError()).contains("has been closed");
				assertThat(migrator.getMigrations()).isNull();
				assertThat(migrator.getPending()).isNull();
				MigratorDescriptor orders = application.getDatabases().get("orders");
				assertThat(orders.getError()).isNull();
				assertThat(orders.getCurrentVersion()).isEqualTo("2");
			});
	}

	private static JsonNode endpointJson(AssertableApplicationContext context) {
		// Serialized as the actuator serializes it over HTTP (null fields left out).
		return context.getBean(EndpointJsonMapper.class)
			.get()
			.valueToTree(context.getBean(MigrationsEndpoint.class).migrations());
	}

	@Test
	void gaugesThePendingMigrationsOfEveryDatabaseWithTheSameTagKeys() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(MigrateMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("migrate.databases.orders.data-source=ordersDataSource", "migrate.on-startup=none")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				List<Gauge> gauges = new ArrayList<>(
						registry.get(MigratePendingMigrationsMetrics.PENDING_GAUGE).gauges());
				assertThat(gauges).hasSize(2)
					.allSatisfy((gauge) -> assertThat(gauge.getId().getTags()).extracting(Tag::getKey)
						.containsExactlyInAnyOrder("migrator", "database"));
				assertThat(pending(registry, "migrator", "primary")).isEqualTo(2.0);
				assertThat(pending(registry, "migrateDatabases", "orders")).isEqualTo(2.0);
				closePool(this.orders);
				assertThat(pending(registry, "migrateDatabases", "orders")).isNaN();
				assertThat(pending(registry, "migrator", "primary")).isEqualTo(2.0);
			});
	}

	private static double pending(MeterRegistry registry, String migrator, String database) {
		return registry.get(MigratePendingMigrationsMetrics.PENDING_GAUGE)
			.tag("migrator", migrator)
			.tag("database", database)
			.gauge()
			.value();
	}

	// The pool of the database closes: reading it fails, as when it is down.
	private static void closePool(TestDatabase.Isolated database) {
		((HikariDataSource) database.dataSource()).close();
	}

	@Migration(version = "1", database = "orders")
	static class CreateOrders {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE orders (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE orders");
		}

	}

	@Migration(version = "2", database = "orders")
	static class AddOrderTotal {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE orders ADD COLUMN total INT");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE orders DROP COLUMN total");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderCounterConfiguration {

		@Bean
		OrderCounter orderCounter(@Qualifier("ordersDataSource") DataSource orders) {
			return new OrderCounter(orders);
		}

	}

	/** Reads the orders table when created: fails unless its database was migrated. */
	@DependsOnDatabaseInitialization
	static class OrderCounter {

		final int orders;

		OrderCounter(DataSource dataSource) {
			Integer rows = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM orders", Integer.class);
			this.orders = (rows != null) ? rows : -1;
		}

	}

}
