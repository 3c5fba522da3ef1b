package dev.migrate.boot.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.migrate.MigrationFailedException;
import dev.migrate.Migrator;
import dev.migrate.boot.actuate.metrics.MigrateLockWaitMetricsListener;
import dev.migrate.boot.actuate.metrics.MigratePendingMigrationsMetrics;
import dev.migrate.boot.actuate.observation.DefaultMigrationObservationConvention;
import dev.migrate.boot.actuate.observation.MigrateObservationListener;
import dev.migrate.boot.actuate.observation.MigrationObservationContext;
import dev.migrate.boot.actuate.observation.MigrationObservationConvention;
import dev.migrate.boot.autoconfigure.TestMigrations.AddAuthor;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateBooks;
import dev.migrate.boot.autoconfigure.TestMigrations.FailOnPurpose;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link MigrateObservationAutoConfiguration} and
 * {@link MigrateMetricsAutoConfiguration} with Spring Boot's own observation and metrics
 * auto-configuration, as an application with the actuator has them, on H2.
 */
class MigrateObservabilityTests {

	private static final String MIGRATION_TIMER = DefaultMigrationObservationConvention.NAME;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrateMetricsAutoConfiguration.class, MigrateObservationAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
		.withUserConfiguration(CreateBooks.class, AddAuthor.class);

	@Test
	void recordsOneTimerSamplePerMigrationRun() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(timerSamplesExceptLockWait(registry)).isEqualTo(2);
			assertThat(registry.get(MIGRATION_TIMER)
				.tags("direction", "up", "outcome", "success", "error", "none")
				.timer()
				.count()).isEqualTo(2);
			context.getBean(Migrator.class).rollback(1);
			assertThat(timerSamplesExceptLockWait(registry)).isEqualTo(3);
			assertThat(registry.get(MIGRATION_TIMER).tags("direction", "down", "outcome", "success").timer().count())
				.isOne();
		});
	}

	@Test
	void tagsTheMigrationTimerWithLowCardinalityKeysOnly() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(MIGRATION_TIMER).timers()).singleElement()
				.satisfies((timer) -> assertThat(timer.getId().getTags()).extracting(Tag::getKey)
					.containsExactlyInAnyOrder("direction", "database", "outcome", "error"));
			// Started before the outcome is known: the timer of running migrations has
			// no outcome tag.
			assertThat(registry.get(MIGRATION_TIMER + ".active").longTaskTimers()).singleElement()
				.satisfies((timer) -> assertThat(timer.getId().getTags()).extracting(Tag::getKey)
					.containsExactlyInAnyOrder("direction", "database"));
		});
	}

	@Test
	void recordsAFailedRunWithItsOutcomeAndError() {
		this.contextRunner.withUserConfiguration(FailOnPurpose.class)
			.withPropertyValues("migrate.target=2")
			.run((context) -> {
				assertThatExceptionOfType(MigrationFailedException.class)
					.isThrownBy(() -> context.getBean(Migrator.class).migrate());
				Timer failed = context.getBean(MeterRegistry.class)
					.get(MIGRATION_TIMER)
					.tags("direction", "up", "outcome", "failure")
					.timer();
				assertThat(failed.count()).isOne();
				assertThat(failed.getId().getTag("error")).isNotEqualTo("none");
			});
	}

	@Test
	void recordsTheLockWaitOfEachOperationThatChangesTheDatabase() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(MigrateLockWaitMetricsListener.LOCK_WAIT_TIMER).timer().count()).isOne();
			context.getBean(Migrator.class).rollback(1);
			assertThat(registry.get(MigrateLockWaitMetricsListener.LOCK_WAIT_TIMER).timer().count()).isEqualTo(2);
		});
	}

	@Test
	void gaugesPendingMigrations() {
		this.contextRunner.withPropertyValues("migrate.target=1")
			.run((context) -> assertThat(context.getBean(MeterRegistry.class)
				.get(MigratePendingMigrationsMetrics.PENDING_GAUGE)
				.tag("migrator", "migrator")
				.tag("database", "primary")
				.gauge()
				.value()).isEqualTo(1.0));
	}

	@Test
	void tagsTheTimersOfEachDatabaseAndOfTheTenantsWithItsName() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MigrateDatabasesAutoConfiguration.class,
					MigrateTenantsAutoConfiguration.class))
			.withUserConfiguration(AbstractMigrateSeveralDatabasesTests.CreateOrders.class)
			.withPropertyValues("migrate.databases.orders.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"migrate.databases.orders.user=sa", "migrate.tenants.names=acme,globex")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(MIGRATION_TIMER).tag("database", "primary").timer().count()).isEqualTo(2);
				assertThat(registry.get(MIGRATION_TIMER).tag("database", "orders").timer().count()).isOne();
				// Both tenants under one name: a tag per tenant would make thousands of
				// meters.
				assertThat(registry.get(MIGRATION_TIMER).tag("database", "tenants").timer().count()).isEqualTo(4);
				assertThat(registry.get(MigrateLockWaitMetricsListener.LOCK_WAIT_TIMER).timers())
					.extracting((timer) -> timer.getId().getTag("database"), Timer::count)
					.containsExactlyInAnyOrder(tuple("primary", 1L), tuple("orders", 1L), tuple("tenants", 2L));
			});
	}

	@Test
	void tagsTheGaugeOfEachMigratorBeanWithItsNameWhenThereAreSeveral() {
		this.contextRunner.withPropertyValues("migrate.target=1")
			.withBean("booksMigrator", Migrator.class,
					() -> Migrator.builder(h2()).migrations(List.of(new CreateBooks())).build(),
					(definition) -> definition.setPrimary(true))
			.withBean("archiveMigrator", Migrator.class,
					() -> Migrator.builder(h2()).migrations(List.of(new CreateBooks(), new AddAuthor())).build())
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(MigratePendingMigrationsMetrics.PENDING_GAUGE)
					.tag("migrator", "booksMigrator")
					.tag("database", "booksMigrator")
					.gauge()
					.value()).isZero();
				assertThat(registry.get(MigratePendingMigrationsMetrics.PENDING_GAUGE)
					.tag("migrator", "archiveMigrator")
					.tag("database", "archiveMigrator")
					.gauge()
					.value()).isEqualTo(2.0);
			});
	}

	private static DataSource h2() {
		return new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
	}

	@Test
	void observesEachRunWithItsVersionBeanAndDescriptionForTraces() {
		RecordingHandler handler = new RecordingHandler();
		this.contextRunner.withBean(RecordingHandler.class, () -> handler)
			.run((context) -> assertThat(handler.stopped).containsExactly(
					"migrate up 1 {bean=testMigrations.CreateBooks, description=Create books, version=1}",
					"migrate up 2 {bean=testMigrations.AddAuthor, description=Add author to books, version=2}"));
	}

	@Test
	void usesTheMigrationObservationConventionBean() {
		this.contextRunner.withBean(MigrationObservationConvention.class, TeamConvention::new)
			.run((context) -> assertThat(
					context.getBean(MeterRegistry.class).get(MIGRATION_TIMER).tag("team", "payments").timer().count())
				.isEqualTo(2));
	}

	@Test
	void migrationTimerCanBeSwitchedOffLikeAnyObservation() {
		this.contextRunner.withPropertyValues("management.observations.enable.migrate=false").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find(MIGRATION_TIMER).timers()).isEmpty();
			assertThat(registry.get(MigrateLockWaitMetricsListener.LOCK_WAIT_TIMER).timer().count()).isOne();
		});
	}

	@Test
	void recordsNoMigrationTimerWithoutAnObservationRegistry() {
		// A meter registry alone gets the lock wait and pending meters; migration runs
		// are only ever observations, so they are never timed twice.
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
					MigrateMetricsAutoConfiguration.class, MigrateObservationAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
			.withUserConfiguration(CreateBooks.class)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(MigrateObservationListener.class)
					.hasSingleBean(MigrateLockWaitMetricsListener.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find(MIGRATION_TIMER).timers()).isEmpty();
				assertThat(registry.get(MigrateLockWaitMetricsListener.LOCK_WAIT_TIMER).timer().count()).isOne();
			});
	}

	private static long timerSamplesExceptLockWait(MeterRegistry registry) {
		return registry.getMeters()
			.stream()
			.filter(Timer.class::isInstance)
			.map(Timer.class::cast)
			.filter((timer) -> !timer.getId().getName().equals(MigrateLockWaitMetricsListener.LOCK_WAIT_TIMER))
			.mapToLong(Timer::count)
			.sum();
	}

	static class RecordingHandler implements ObservationHandler<MigrationObservationContext> {

		final List<String> stopped = new CopyOnWriteArrayList<>();

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof MigrationObservationContext;
		}

		@Override
		public void onStop(MigrationObservationContext context) {
			Map<String, String> keys = context.getHighCardinalityKeyValues()
				.stream()
				.collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue, (a, b) -> b, TreeMap::new));
			this.stopped.add(context.getContextualName() + " " + keys);
		}

	}

	static class TeamConvention extends DefaultMigrationObservationConvention {

		@Override
		public KeyValues getLowCardinalityKeyValues(MigrationObservationContext context) {
			return super.getLowCardinalityKeyValues(context).and("team", "payments");
		}

	}

}
