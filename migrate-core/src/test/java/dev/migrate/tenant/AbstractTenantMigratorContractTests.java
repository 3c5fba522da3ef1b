package dev.migrate.tenant;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.MigrateConfigurationException;
import dev.migrate.MigrationDefinitionException;
import dev.migrate.Migrator;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.tenant.TenantOutcome.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract of {@link TenantMigrator}, with tenants in schemas of one database (in
 * databases of one server on MariaDB), on every database.
 */
abstract class AbstractTenantMigratorContractTests {

	private TestDatabase.Isolated isolated;

	private final List<HikariDataSource> pools = new ArrayList<>();

	private DataSource shared;

	private JdbcTemplate jdbc;

	/** Unique per test: other tests run on the same servers. */
	private String prefix;

	protected abstract TestDatabase database();

	@BeforeEach
	void setUp() {
		this.isolated = database().createIsolated();
		this.shared = pool();
		this.jdbc = new JdbcTemplate(this.shared);
		this.prefix = "tn" + UUID.randomUUID().toString().replace("-", "").substring(0, 6) + "_";
	}

	@AfterEach
	void dropTenants() {
		try {
			for (String schema : tenantSchemas()) {
				this.jdbc.execute(dropSchema(schema));
			}
		}
		finally {
			this.pools.forEach(HikariDataSource::close);
			this.isolated.close();
		}
	}

	protected String url(String url) {
		return url;
	}

	protected JdbcTemplate jdbcTemplate() {
		return this.jdbc;
	}

	protected String dropSchema(String schema) {
		return "DROP SCHEMA " + schema + " CASCADE";
	}

	protected String createSchema(String schema) {
		return "CREATE SCHEMA " + schema;
	}

	private HikariDataSource pool() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url(this.isolated.url()));
		config.setUsername(this.isolated.user());
		config.setPassword(this.isolated.password());
		config.setMaximumPoolSize(16);
		config.setMinimumIdle(0);
		HikariDataSource pool = new HikariDataSource(config);
		this.pools.add(pool);
		return pool;
	}

	private List<String> tenantSchemas() {
		return this.jdbc.queryForList("SELECT schema_name FROM information_schema.schemata", String.class)
			.stream()
			.filter((schema) -> schema.toLowerCase(Locale.ROOT).startsWith(this.prefix))
			.toList();
	}

	private List<Tenant> tenants(int count) {
		List<Tenant> tenants = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tenants.add(Tenant.schema(name(i)));
		}
		return tenants;
	}

	private String name(int index) {
		return this.prefix + String.format(Locale.ROOT, "%03d", index);
	}

	private TenantMigrator.Builder migrator(DataSource dataSource, List<Tenant> tenants, String installedBy) {
		return TenantMigrator
			.builder(TenantSource.of(tenants),
					(tenant, tenantDataSource) -> Migrator.builder(tenantDataSource)
						.migrations(TenantMigrations.all())
						.installedBy(installedBy))
			.dataSource(dataSource)
			.progressInterval(Duration.ofMillis(200));
	}

	/** A tenant whose third migration fails: its schema already holds the table. */
	private void breakTenant(String schema) {
		this.jdbc.execute(createSchema(schema));
		this.jdbc.execute("CREATE TABLE " + schema + ".invoices (id INT)");
	}

	private List<Map<String, Object>> history(String schema) {
		return this.jdbc.queryForList(
				"SELECT version, installed_by, status FROM " + schema + ".migrate_history ORDER BY installed_rank");
	}

	private boolean hasTable(String schema, String table) {
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_schema) = ? AND LOWER(table_name) = ?",
				Integer.class, schema.toLowerCase(Locale.ROOT), table);
		return count != null && count > 0;
	}

	private void assertFullyMigrated(String schema, String installedBy) {
		assertThat(history(schema)).extracting((row) -> row.get("version") + "/" + row.get("status"))
			.containsExactly("1/SUCCESS", "2/SUCCESS", "3/SUCCESS");
		if (installedBy != null) {
			assertThat(history(schema)).extracting((row) -> row.get("installed_by")).containsOnly(installedBy);
		}
		assertThat(hasTable(schema, "accounts")).isTrue();
		assertThat(hasTable(schema, "invoices")).isTrue();
	}

	@Test
	void migratesEveryTenantInItsOwnSchemaWithItsOwnHistory() {
		List<Tenant> tenants = tenants(12);
		TenantMigrationResult result = migrator(this.shared, tenants, "app").build().migrate();
		assertThat(result.migrated()).hasSize(12);
		assertThat(result.countsByVersion()).containsExactly(Map.entry("3", 12L));
		for (Tenant tenant : tenants) {
			assertFullyMigrated(tenant.name(), "app");
		}
		// The migrations' SQL ran in the tenants' schemas, not in the shared one.
		String current = currentSchema();
		assertThat(hasTable(current, "accounts")).isFalse();
		assertThat(hasTable(current, "migrate_history")).isFalse();
		// The shared pool's connections are back in their own schema.
		assertThat(currentSchema()).isEqualToIgnoringCase(current);
	}

	protected String currentSchema() {
		return currentSchema(this.jdbc);
	}

	protected String currentSchema(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT CURRENT_SCHEMA", String.class);
	}

	/**
	 * Give a connection a state of its own before it is switched to a tenant's schema.
	 * @param jdbc a template on the connection
	 */
	protected void prepareConnection(JdbcTemplate jdbc) {
	}

	/**
	 * What a connection works in, all of which it must get back.
	 * @param jdbc a template on the connection
	 * @return the state
	 */
	protected String connectionState(JdbcTemplate jdbc) {
		return currentSchema(jdbc);
	}

	@Test
	void schemaDataSourceGivesAConnectionOfAnotherPoolItsSchemaBack() throws Exception {
		this.jdbc.execute(createSchema(name(0)));
		SingleConnectionDataSource single = new SingleConnectionDataSource(url(this.isolated.url()),
				this.isolated.user(), this.isolated.password(), true);
		try {
			prepareConnection(new JdbcTemplate(single));
			String before = connectionState(new JdbcTemplate(single));
			SchemaDataSource tenant = new SchemaDataSource(single, name(0));
			try (Connection connection = tenant.getConnection()) {
				assertThat(currentSchema(new JdbcTemplate(new SingleConnectionDataSource(connection, true))))
					.isEqualToIgnoringCase(name(0));
			}
			assertThat(connectionState(new JdbcTemplate(single))).isEqualTo(before);
		}
		finally {
			single.destroy();
		}
	}

	@Test
	void secondStartFindsNothingPendingAndInfoSummarises() {
		List<Tenant> tenants = tenants(20);
		TenantMigrator migrator = migrator(this.shared, tenants, "app").build();
		migrator.migrate();
		TenantMigrationResult again = migrator.migrate();
		assertThat(again.upToDate()).hasSize(20);
		assertThat(again.migrated()).isEmpty();
		TenantInfoResult info = migrator.info();
		assertThat(info.isUpToDate()).isTrue();
		assertThat(info.countsByVersion()).containsExactly(Map.entry("3", 20L));
		assertThat(TenantInfoResult.page(info.tenants(), 1, 8)).extracting(TenantInfo::tenant)
			.containsExactly(tenants.subList(8, 16).stream().map(Tenant::name).toArray(String[]::new));
	}

	@Test
	void aTenantAddedLaterIsMigratedAlone() {
		TenantMigrator migrator = migrator(this.shared, tenants(3), "app").build();
		migrator.migrate();
		TenantOutcome outcome = migrator.migrate(Tenant.schema(name(3)));
		assertThat(outcome.status()).isEqualTo(Status.MIGRATED);
		assertThat(outcome.applied()).isEqualTo(3);
		assertFullyMigrated(name(3), "app");
	}

	@Test
	void stopPolicyStartsNoTenantAfterTheFirstFailure() {
		List<Tenant> tenants = tenants(50);
		breakTenant(name(10));
		TenantMigrator migrator = migrator(this.shared, tenants, "app").parallelism(4).build();
		TenantMigrationException ex = assertThatExceptionOfType(TenantMigrationException.class)
			.isThrownBy(migrator::migrate)
			.actual();
		TenantMigrationResult result = ex.getResult();
		assertThat(result.failed()).extracting(TenantOutcome::tenant).containsExactly(name(10));
		assertThat(ex.getMessage()).contains("1 of 50 tenant(s) failed", name(10))
			.contains("TenantMigrator.Builder.failurePolicy(FailurePolicy.CONTINUE)");
		assertThat(result.notStarted()).isNotEmpty();
		assertThat(result.migrated().size() + result.notStarted().size()).isEqualTo(49);
		for (TenantOutcome outcome : result.migrated()) {
			assertFullyMigrated(outcome.tenant(), "app");
		}
		Set<String> schemas = tenantSchemas().stream()
			.map((schema) -> schema.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		for (TenantOutcome outcome : result.notStarted()) {
			assertThat(schemas).doesNotContain(outcome.tenant());
		}
		// Tenants before the failed one were all started first, and finished.
		assertThat(result.outcomes().subList(0, 10)).extracting(TenantOutcome::status).containsOnly(Status.MIGRATED);
	}

	@Test
	void continuePolicyMigratesEveryOtherTenantAndReportsTheFailedOne() {
		List<Tenant> tenants = tenants(50);
		breakTenant(name(10));
		TenantMigrator migrator = migrator(this.shared, tenants, "app").failurePolicy(FailurePolicy.CONTINUE).build();
		TenantMigrationException ex = assertThatExceptionOfType(TenantMigrationException.class)
			.isThrownBy(migrator::migrate)
			.actual();
		TenantMigrationResult result = ex.getResult();
		assertThat(result.migrated()).hasSize(49);
		assertThat(result.notStarted()).isEmpty();
		assertThat(result.failed()).singleElement().satisfies((failed) -> {
			assertThat(failed.tenant()).isEqualTo(name(10));
			assertThat(failed.errorMessage(dev.migrate.Vocabulary.ENGINE)).containsIgnoringCase("invoices");
		});
		for (TenantOutcome outcome : result.migrated()) {
			assertFullyMigrated(outcome.tenant(), "app");
		}
		// Not failing at the end: the same tenants, the result returned.
		TenantMigrationResult again = migrator(this.shared, tenants, "app").failurePolicy(FailurePolicy.CONTINUE)
			.failOnError(false)
			.build()
			.migrate();
		assertThat(again.upToDate()).hasSize(49);
		assertThat(again.failed()).extracting(TenantOutcome::tenant).containsExactly(name(10));
		TenantInfoResult info = migrator.info();
		assertThat(info.failed().size() + info.pending().size()).isGreaterThanOrEqualTo(1);
		assertThat(info.countsByVersion()).containsEntry("3", 49L);
	}

	@Test
	void twoInstancesShareTheTenantsAndMigrateEachOnce() throws Exception {
		List<Tenant> tenants = tenants(200);
		TenantMigrator a = migrator(pool(), tenants, "instance_a").parallelism(4).build();
		// B lists the tenants in the opposite order, as another registry query might.
		List<Tenant> reversed = new ArrayList<>(tenants);
		java.util.Collections.reverse(reversed);
		TenantMigrator b = migrator(pool(), reversed, "instance_b").parallelism(4).build();
		CountDownLatch start = new CountDownLatch(1);
		CompletableFuture<TenantMigrationResult> first = CompletableFuture.supplyAsync(() -> {
			await(start);
			return a.migrate();
		});
		CompletableFuture<TenantMigrationResult> second = CompletableFuture.supplyAsync(() -> {
			await(start);
			return b.migrate();
		});
		start.countDown();
		TenantMigrationResult resultA = first.get();
		TenantMigrationResult resultB = second.get();
		Set<String> byA = names(resultA.migrated());
		Set<String> byB = names(resultB.migrated());
		// One instance may do all the work when the other starts late: no tenant twice.
		Set<String> both = new HashSet<>(byA);
		both.retainAll(byB);
		assertThat(both).isEmpty();
		Set<String> all = new HashSet<>(byA);
		all.addAll(byB);
		assertThat(all).hasSize(200);
		assertThat(resultA.isSuccessful()).isTrue();
		assertThat(resultB.isSuccessful()).isTrue();
		for (Tenant tenant : tenants) {
			assertFullyMigrated(tenant.name(), byA.contains(tenant.name()) ? "instance_a" : "instance_b");
		}
		System.out.println("[tenants] " + database() + ": instance A migrated " + byA.size() + ", instance B "
				+ byB.size() + "; deferrals A " + resultA.deferrals() + ", B " + resultB.deferrals() + "; "
				+ resultA.totalTime().toMillis() + " ms / " + resultB.totalTime().toMillis() + " ms");
	}

	private static Set<String> names(List<TenantOutcome> outcomes) {
		return outcomes.stream().map(TenantOutcome::tenant).collect(Collectors.toSet());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void invalidTenantNamesChangeNothing() {
		List<Tenant> tenants = new ArrayList<>(tenants(3));
		tenants.add(Tenant.schema("acme; DROP TABLE x"));
		TenantMigrator migrator = migrator(this.shared, tenants, "app").build();
		assertThatExceptionOfType(MigrateConfigurationException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("tenant name 'acme; DROP TABLE x' is not a plain identifier")
			.withMessageContaining("Nothing was changed");
		assertThat(tenantSchemas()).isEmpty();
	}

	@Test
	void duplicateTenantsChangeNothing() {
		List<Tenant> tenants = new ArrayList<>(tenants(3));
		tenants.add(Tenant.schema(name(1).toUpperCase(Locale.ROOT)));
		tenants.add(Tenant.schema("other_" + this.prefix, name(2)));
		TenantMigrator migrator = migrator(this.shared, tenants, "app").build();
		assertThatExceptionOfType(MigrateConfigurationException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("is listed twice")
			.withMessageContaining("share the schema '" + name(2) + "'");
		assertThat(tenantSchemas()).isEmpty();
	}

	@Test
	void aMigrationThatIsNotWellDefinedChangesNothing() {
		List<Object> migrations = new ArrayList<>(TenantMigrations.all());
		migrations.add(new Object());
		TenantMigrator migrator = TenantMigrator
			.builder(TenantSource.of(tenants(5)),
					(tenant, dataSource) -> Migrator.builder(dataSource).migrations(migrations))
			.dataSource(this.shared)
			.build();
		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("is not annotated with @Migration");
		assertThat(tenantSchemas()).isEmpty();
	}

	@Test
	void aFailingTenantSourceChangesNothing() {
		TenantMigrator migrator = TenantMigrator.builder(() -> {
			throw new IllegalStateException("registry table unreachable");
		}, (tenant, dataSource) -> Migrator.builder(dataSource).migrations(TenantMigrations.all()))
			.dataSource(this.shared)
			.build();
		assertThatExceptionOfType(MigrateConfigurationException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("The tenant source (the TenantSource given to TenantMigrator.builder) failed:"
					+ " registry table unreachable")
			.withMessageContaining("Nothing was changed");
	}

}
