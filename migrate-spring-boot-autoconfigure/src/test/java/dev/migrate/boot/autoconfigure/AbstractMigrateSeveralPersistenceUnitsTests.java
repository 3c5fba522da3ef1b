package dev.migrate.boot.autoconfigure;

import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.migrate.Migration;
import dev.migrate.boot.autoconfigure.units.customers.Customer;
import dev.migrate.boot.autoconfigure.units.invoices.Invoice;
import dev.migrate.boot.autoconfigure.units.orders.PurchaseOrder;
import dev.migrate.boot.autoconfigure.units.reports.Report;
import dev.migrate.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jpa.EntityManagerFactoryBuilder;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two JPA persistence units, each on its own migrated database: Spring Boot's on the
 * primary one and the application's own on {@code migrate.databases.orders}; and the
 * check that keeps Hibernate from changing the schema of a migrated database. One
 * subclass per database.
 */
abstract class AbstractMigrateSeveralPersistenceUnitsTests {

	private TestDatabase.Isolated primary;

	private TestDatabase.Isolated orders;

	private TestDatabase.Isolated reporting;

	private ApplicationContextRunner contextRunner;

	abstract TestDatabase database();

	@BeforeEach
	void createDatabases() {
		this.primary = database().createIsolated();
		this.orders = database().createIsolated();
		this.reporting = database().createIsolated();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(HibernateJpaAutoConfiguration.class, MigrateAutoConfiguration.class,
							MigrateDatabasesAutoConfiguration.class, MigrateJpaAutoConfiguration.class))
			.withBean("primaryDataSource", DataSource.class, this.primary::dataSource, (bd) -> {
				bd.setPrimary(true);
				AbstractMigrateSeveralDatabasesTests.keepOpen(bd);
			})
			.withBean("ordersDataSource", DataSource.class, this.orders::dataSource,
					AbstractMigrateSeveralDatabasesTests::keepOpen)
			.withBean("reportingDataSource", DataSource.class, this.reporting::dataSource,
					AbstractMigrateSeveralDatabasesTests::keepOpen)
			.withPropertyValues("migrate.databases.orders.data-source=ordersDataSource")
			.withUserConfiguration(CustomerEntities.class, CreateCustomers.class, CreatePurchaseOrders.class);
	}

	@AfterEach
	void dropDatabases() {
		this.primary.close();
		this.orders.close();
		this.reporting.close();
	}

	@Test
	void eachUnitValidatesItsMigratedSchemaAndReadsAndWritesItsOwnDatabase() {
		this.contextRunner.withUserConfiguration(OrdersUnit.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate", "orders.jpa.hibernate.hbm2ddl.auto=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				EntityManagerFactory customers = context.getBean("entityManagerFactory", EntityManagerFactory.class);
				EntityManagerFactory purchaseOrders = context.getBean("ordersEntityManagerFactory",
						EntityManagerFactory.class);
				assertThat(customers.getProperties()).containsEntry("hibernate.hbm2ddl.auto", "validate");
				assertThat(purchaseOrders.getProperties()).containsEntry("hibernate.hbm2ddl.auto", "validate");
				persist(customers, new Customer(1, "Ada"));
				persist(purchaseOrders, new PurchaseOrder(7, "PO-7"));
				assertThat(read(customers, (em) -> em.find(Customer.class, 1).getName())).isEqualTo("Ada");
				assertThat(read(purchaseOrders, (em) -> em.find(PurchaseOrder.class, 7).getReference()))
					.isEqualTo("PO-7");
				assertThat(rows(this.primary, "customer")).isOne();
				assertThat(rows(this.orders, "purchase_order")).isOne();
				assertThat(hasTable(this.primary, "purchase_order")).isFalse();
				assertThat(hasTable(this.orders, "customer")).isFalse();
			});
	}

	@Test
	void aUnitBuiltBySpringBootOnAMigratedDatabaseLeavesItsSchemaAloneByDefault() {
		// On an embedded database Spring Boot's default ddl-auto is create-drop, unless
		// the database is known to be managed: each of migrate.databases is.
		this.contextRunner.withUserConfiguration(OrdersUnit.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean("&ordersEntityManagerFactory", LocalContainerEntityManagerFactoryBean.class)
				.getJpaPropertyMap()
				.get("hibernate.hbm2ddl.auto")).isNull();
			assertThat(new DatabaseState(this.orders.dataSource()).history()).containsExactly("1:SUCCESS");
		});
	}

	@ParameterizedTest
	@CsvSource({ "hibernate.hbm2ddl.auto, update", "hibernate.hbm2ddl.auto, create-drop",
			"jakarta.persistence.schema-generation.database.action, drop-and-create" })
	void aUnitOnAMigratedDatabaseThatWouldChangeItsSchemaFailsStartUp(String property, String value) {
		this.contextRunner.withUserConfiguration(OrdersUnit.class)
			.withPropertyValues("orders.jpa." + property + "=" + value, "orders.with-invoices=true")
			.run((context) -> {
				DdlAutoConflictException conflict = conflict(context);
				assertThat(conflict.getEntityManagerFactory()).isEqualTo("ordersEntityManagerFactory");
				assertThat(conflict.getDatabase()).isEqualTo("orders");
				assertThat(conflict.getProperty()).isEqualTo(property);
				assertThat(conflict.getValue()).isEqualTo(value);
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("EntityManagerFactory bean 'ordersEntityManagerFactory'",
						property + " to '" + value + "'", "database 'orders' (migrate.databases.orders)",
						"Hibernate was not started: it changed nothing in the database.");
				assertThat(analysis.getAction()).contains(
						"Remove " + property + " from the JPA properties of 'ordersEntityManagerFactory'", "'none'",
						"migrate.databases.orders.enabled=false");
				// Migrated as usual, and nothing of Hibernate's: no invoice table.
				assertThat(new DatabaseState(this.orders.dataSource()).history()).containsExactly("1:SUCCESS");
				assertThat(hasTable(this.orders, "purchase_order")).isTrue();
				assertThat(hasTable(this.orders, "invoice")).isFalse();
			});
	}

	@Test
	void aUnitOnTheMigratedPrimaryDatabaseThatWouldChangeItsSchemaFailsStartUpNamingIt() {
		this.contextRunner.withUserConfiguration(PrimaryAuditUnit.class).run((context) -> {
			DdlAutoConflictException conflict = conflict(context);
			assertThat(conflict.getEntityManagerFactory()).isEqualTo("auditEntityManagerFactory");
			assertThat(conflict.getDatabase()).isEqualTo("primary");
			FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("'auditEntityManagerFactory'",
					"the primary database (Migrator bean 'migrator')");
			assertThat(analysis.getAction()).contains("'validate'", "migrate.enabled=false");
			assertThat(hasTable(this.primary, "invoice")).isFalse();
		});
	}

	@Test
	void aUnitWhoseVendorAdapterGeneratesTheSchemaThroughAProxyOfAMigratedDataSourceFailsStartUp() {
		this.contextRunner.withUserConfiguration(HandMadeOrdersUnit.class).run((context) -> {
			DdlAutoConflictException conflict = conflict(context);
			assertThat(conflict.getEntityManagerFactory()).isEqualTo("handMadeEntityManagerFactory");
			assertThat(conflict.getDatabase()).isEqualTo("orders");
			assertThat(conflict.getMessage()).contains("hibernate.hbm2ddl.auto to 'update'",
					"its JpaVendorAdapter (generateDdl=true)", "database 'orders'",
					"Set generateDdl to false on the JpaVendorAdapter of 'handMadeEntityManagerFactory'");
			assertThat(hasTable(this.orders, "invoice")).isFalse();
		});
	}

	@Test
	void aUnitOnADataSourceThatMigrateDoesNotMigrateKeepsItsDdlAuto() {
		this.contextRunner.withUserConfiguration(ReportingUnit.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// Hibernate's update created the table that no migration creates.
				assertThat(hasTable(this.reporting, "report")).isTrue();
				assertThat(hasTable(this.reporting, "migrate_history")).isFalse();
				persist(context.getBean("reportingEntityManagerFactory", EntityManagerFactory.class),
						new Report(1, "Monthly"));
				assertThat(rows(this.reporting, "report")).isOne();
			});
	}

	private static DdlAutoConflictException conflict(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		assertThat(context.getStartupFailure()).rootCause().isInstanceOf(DdlAutoConflictException.class);
		Throwable failure = context.getStartupFailure();
		while (!(failure instanceof DdlAutoConflictException)) {
			failure = failure.getCause();
		}
		return (DdlAutoConflictException) failure;
	}

	private static void persist(EntityManagerFactory factory, Object entity) {
		EntityManager manager = factory.createEntityManager();
		try {
			manager.getTransaction().begin();
			manager.persist(entity);
			manager.getTransaction().commit();
		}
		finally {
			manager.close();
		}
	}

	private static String read(EntityManagerFactory factory, Function<EntityManager, String> query) {
		EntityManager manager = factory.createEntityManager();
		try {
			return query.apply(manager);
		}
		finally {
			manager.close();
		}
	}

	private static int rows(TestDatabase.Isolated database, String table) {
		return new DatabaseState(database.dataSource()).count(table);
	}

	private static boolean hasTable(TestDatabase.Isolated database, String table) {
		return new DatabaseState(database.dataSource()).hasTable(table);
	}

	private static Map<String, String> jpaProperties(Environment environment, String prefix) {
		return Binder.get(environment).bind(prefix, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
	}

	@Migration(version = "1", description = "Create customers")
	static class CreateCustomers {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(100))");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE customer");
		}

	}

	@Migration(version = "1", description = "Create purchase orders", database = "orders")
	static class CreatePurchaseOrders {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE purchase_order (id INT PRIMARY KEY, reference VARCHAR(100))");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE purchase_order");
		}

	}

	/** Spring Boot's persistence unit, on the primary database. */
	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Customer.class)
	static class CustomerEntities {

	}

	/**
	 * The orders database's persistence unit, built with Spring Boot's builder; its JPA
	 * properties are {@code orders.jpa.*}.
	 */
	@Configuration(proxyBeanMethods = false)
	static class OrdersUnit {

		@Bean(defaultCandidate = false)
		LocalContainerEntityManagerFactoryBean ordersEntityManagerFactory(EntityManagerFactoryBuilder builder,
				@Qualifier("ordersDataSource") DataSource orders, Environment environment) {
			Class<?>[] entities = environment.getProperty("orders.with-invoices", Boolean.class, false)
					? new Class<?>[] { PurchaseOrder.class, Invoice.class } : new Class<?>[] { PurchaseOrder.class };
			return builder.dataSource(orders)
				.packages(entities)
				.persistenceUnit("orders")
				.properties(jpaProperties(environment, "orders.jpa"))
				.build();
		}

	}

	/** A unit of the application's own on the primary database, that would update it. */
	@Configuration(proxyBeanMethods = false)
	static class PrimaryAuditUnit {

		@Bean(defaultCandidate = false)
		LocalContainerEntityManagerFactoryBean auditEntityManagerFactory(EntityManagerFactoryBuilder builder,
				@Qualifier("primaryDataSource") DataSource primary) {
			return builder.dataSource(primary)
				.packages(Invoice.class)
				.persistenceUnit("audit")
				.properties(Map.of("hibernate.hbm2ddl.auto", "update"))
				.build();
		}

	}

	/**
	 * A unit made without Spring Boot's builder, through a transaction-aware proxy of the
	 * orders DataSource, whose vendor adapter asks Hibernate to generate the schema.
	 */
	@Configuration(proxyBeanMethods = false)
	static class HandMadeOrdersUnit {

		@Bean(defaultCandidate = false)
		LocalContainerEntityManagerFactoryBean handMadeEntityManagerFactory(
				@Qualifier("ordersDataSource") DataSource orders) {
			HibernateJpaVendorAdapter vendorAdapter = new HibernateJpaVendorAdapter();
			vendorAdapter.setGenerateDdl(true);
			LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
			factory.setDataSource(new TransactionAwareDataSourceProxy(orders));
			factory.setJpaVendorAdapter(vendorAdapter);
			factory.setPackagesToScan(PurchaseOrder.class.getPackageName(), Invoice.class.getPackageName());
			factory.setPersistenceUnitName("handMade");
			return factory;
		}

	}

	/** A unit on a database that migrate does not migrate: Hibernate manages it. */
	@Configuration(proxyBeanMethods = false)
	static class ReportingUnit {

		@Bean(defaultCandidate = false)
		LocalContainerEntityManagerFactoryBean reportingEntityManagerFactory(EntityManagerFactoryBuilder builder,
				@Qualifier("reportingDataSource") DataSource reporting) {
			return builder.dataSource(reporting)
				.packages(Report.class)
				.persistenceUnit("reporting")
				.properties(Map.of("hibernate.hbm2ddl.auto", "update"))
				.build();
		}

	}

}
