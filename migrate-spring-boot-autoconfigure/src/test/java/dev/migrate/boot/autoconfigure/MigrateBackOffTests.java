package dev.migrate.boot.autoconfigure;

import java.util.UUID;

import dev.migrate.Migrator;
import dev.migrate.boot.actuate.endpoint.MigrationsEndpoint;
import dev.migrate.boot.actuate.metrics.MigrateLockWaitMetricsListener;
import dev.migrate.boot.actuate.metrics.MigratePendingMigrationsMetrics;
import dev.migrate.boot.actuate.observation.MigrateObservationListener;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateBooks;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of migrate's beans exist when a part of a typical application is missing from the
 * class path or the context, and that the migrations run wherever there is a database to
 * migrate. Every one of migrate's auto-configurations takes part, with the Spring Boot
 * auto-configurations an application with JPA and the actuator has.
 */
class MigrateBackOffTests {

	private static final AutoConfigurations JPA_AND_MICROMETER = AutoConfigurations.of(
			DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
			HibernateJpaAutoConfiguration.class, ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
			CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class);

	// Added by the scenarios with the actuator: without it, they would not be listed.
	private static final AutoConfigurations ACTUATOR = AutoConfigurations.of(EndpointAutoConfiguration.class,
			WebEndpointAutoConfiguration.class);

	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final DatabaseState state = new DatabaseState(
			DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(this.url).username("sa").build());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(JPA_AND_MICROMETER)
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + this.url, "spring.datasource.username=sa",
				"management.endpoints.web.exposure.include=migrations")
		.withUserConfiguration(MigrateAutoConfigurations.class, CreateBooks.class);

	@Test
	void contributesEveryPartAndMigratesWithEverythingPresent() {
		this.contextRunner.withConfiguration(ACTUATOR).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(Migrator.class)
				.hasSingleBean(MigrateMigrationInitializer.class)
				.hasSingleBean(EntityManagerFactory.class)
				.hasSingleBean(MigrationsEndpoint.class)
				.hasBean("migrationsHealthContributor")
				.hasSingleBean(MigrateObservationListener.class)
				.hasSingleBean(MigrateLockWaitMetricsListener.class)
				.hasSingleBean(MigratePendingMigrationsMetrics.class);
			assertThat(this.state.history()).containsExactly("1:SUCCESS");
		});
	}

	@Test
	void leavesOutTheEndpointAndHealthWithoutActuatorAndStillMigrates() {
		this.contextRunner
			.withClassLoader(
					new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(Migrator.class)
					.hasSingleBean(MigrateMigrationInitializer.class)
					.doesNotHaveBean(MigrationsEndpoint.class)
					.doesNotHaveBean("migrationsHealthContributor")
					// Micrometer is its own module in Spring Boot 4: metrics stay.
					.hasSingleBean(MigrateObservationListener.class)
					.hasSingleBean(MigrateLockWaitMetricsListener.class);
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
			});
	}

	@Test
	void leavesOutMetricsAndObservationWithoutMicrometerAndStillMigrates() {
		this.contextRunner.withConfiguration(ACTUATOR)
			.withClassLoader(new FilteredClassLoader("io.micrometer"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(Migrator.class)
					.hasSingleBean(MigrateMigrationInitializer.class)
					.doesNotHaveBean(MeterRegistry.class)
					.doesNotHaveBean(MigrateObservationListener.class)
					.doesNotHaveBean(MigrateLockWaitMetricsListener.class)
					.doesNotHaveBean(MigratePendingMigrationsMetrics.class)
					.hasSingleBean(MigrationsEndpoint.class)
					.hasBean("migrationsHealthContributor");
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
			});
	}

	@Test
	void migratesWithoutJpa() {
		this.contextRunner.withConfiguration(ACTUATOR)
			.withClassLoader(new FilteredClassLoader("jakarta.persistence", "org.hibernate"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(EntityManagerFactory.class)
					.hasSingleBean(Migrator.class)
					.hasSingleBean(MigrateMigrationInitializer.class);
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
			});
	}

	@Test
	void backsOffEntirelyWithoutADataSource() {
		new ApplicationContextRunner().withConfiguration(JPA_AND_MICROMETER)
			.withConfiguration(ACTUATOR)
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.withUserConfiguration(MigrateAutoConfigurations.class, CreateBooks.class)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(Migrator.class)
					.doesNotHaveBean(MigrateMigrationInitializer.class)
					.doesNotHaveBean(MigrationsEndpoint.class)
					.doesNotHaveBean("migrationsHealthContributor")
					.doesNotHaveBean(MigrateObservationListener.class)
					.doesNotHaveBean(MigrateLockWaitMetricsListener.class)
					.doesNotHaveBean(MigratePendingMigrationsMetrics.class);
				assertThat(this.state.hasTable("migrate_history")).isFalse();
			});
	}

	/**
	 * migrate's auto-configurations, imported as an application imports them: through the
	 * import filter, which reads their class conditions from the auto-configuration
	 * metadata before loading them. That is what keeps the endpoint's auto-configuration,
	 * whose conditions are actuator classes, out when the actuator is missing.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MigrateAutoConfiguration.class, MigrateEndpointAutoConfiguration.class,
			MigrateHealthContributorAutoConfiguration.class, MigrateMetricsAutoConfiguration.class,
			MigrateObservationAutoConfiguration.class })
	static class MigrateAutoConfigurations {

	}

}
