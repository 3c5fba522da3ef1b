package dev.migrate.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.migrate.boot.actuate.endpoint.MigrationsEndpoint;
import dev.migrate.boot.actuate.metrics.MigrateMetricsListener;
import dev.migrate.boot.actuate.metrics.MigratePendingMigrationsMetrics;
import dev.migrate.boot.actuate.observation.MigrateObservationListener;
import dev.migrate.boot.autoconfigure.TestMigrations.AddAuthor;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateBooks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the endpoint, metrics and observation auto-configurations, on H2.
 */
class MigrateActuatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				MigrateEndpointAutoConfiguration.class, MigrateMetricsAutoConfiguration.class,
				MigrateObservationAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
		.withUserConfiguration(CreateBooks.class, AddAuthor.class);

	@Test
	void endpointIsNotAvailableUnlessExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointIsAvailableWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointIsNotAvailableWhenAccessIsNone() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrations.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointBacksOffWhenMigrateIsDisabled() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrate.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointDescribesEveryMigrationAsJson() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrate.target=1",
					"migrate.installed-by=deployer")
			.run((context) -> {
				JsonNode json = JsonMapper.builder()
					.build()
					.valueToTree(context.getBean(MigrationsEndpoint.class).migrations());
				JsonNode migrator = json.get("contexts").get(context.getId()).get("migrators").get("migrator");
				assertThat(migrator.get("currentVersion").asString()).isEqualTo("1");
				assertThat(migrator.get("pending").asInt()).isOne();
				JsonNode applied = migrator.get("migrations").get(0);
				assertThat(applied.get("version").asString()).isEqualTo("1");
				assertThat(applied.get("description").asString()).isEqualTo("Create books");
				assertThat(applied.get("state").asString()).isEqualTo("APPLIED");
				assertThat(applied.get("beanName").asString()).isEqualTo("testMigrations.CreateBooks");
				assertThat(applied.get("className").asString()).isEqualTo(CreateBooks.class.getName());
				assertThat(applied.get("checksum").asString()).isNotBlank();
				assertThat(applied.get("installedBy").asString()).isEqualTo("deployer");
				assertThat(applied.get("installedRank").asInt()).isOne();
				assertThat(applied.get("installedOn").isNull()).isFalse();
				assertThat(applied.get("executionTime").isNumber()).isTrue();
				JsonNode pending = migrator.get("migrations").get(1);
				assertThat(pending.get("version").asString()).isEqualTo("2");
				assertThat(pending.get("state").asString()).isEqualTo("PENDING");
				assertThat(pending.get("installedOn").isNull()).isTrue();
			});
	}

	@Test
	void endpointWalksTheContextHierarchy() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((parent) -> new ApplicationContextRunner().withParent(parent)
				.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class))
				.withBean(MigrationsEndpoint.class)
				.run((child) -> {
					MigrationsEndpoint.MigrationsDescriptor migrations = child.getBean(MigrationsEndpoint.class)
						.migrations();
					assertThat(migrations.getContexts()).containsKeys(child.getId(), parent.getId());
					assertThat(migrations.getContexts().get(child.getId()).getParentId()).isEqualTo(parent.getId());
					assertThat(migrations.getContexts().get(parent.getId()).getMigrators()).containsKey("migrator");
				}));
	}

	@Test
	void recordsATimerPerMigrationAndTheLockWait() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(MigrateMetricsListener.MIGRATION_TIMER)
				.tags("version", "1", "outcome", "success", "direction", "up")
				.timer()
				.count()).isOne();
			assertThat(registry.get(MigrateMetricsListener.MIGRATION_TIMER)
				.tags("version", "2", "outcome", "success")
				.timer()
				.count()).isOne();
			assertThat(registry.get(MigrateMetricsListener.LOCK_WAIT_TIMER).timer().count()).isOne();
		});
	}

	@Test
	void gaugesPendingMigrations() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("migrate.target=1")
			.run((context) -> assertThat(context.getBean(MeterRegistry.class)
				.get(MigratePendingMigrationsMetrics.PENDING_GAUGE)
				.tag("migrator", "migrator")
				.gauge()
				.value()).isEqualTo(1.0));
	}

	@Test
	void observesEachMigration() {
		List<String> observed = new ArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				observed.add(context.getName() + " " + context.getLowCardinalityKeyValue("version").getValue() + " "
						+ context.getLowCardinalityKeyValue("outcome").getValue());
			}

		});
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry)
			.run((context) -> assertThat(observed).containsExactly(
					MigrateObservationListener.OBSERVATION_NAME + " 1 success",
					MigrateObservationListener.OBSERVATION_NAME + " 2 success"));
	}

}
