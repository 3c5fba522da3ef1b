package dev.migrate.boot.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.migrate.Migrator;
import dev.migrate.boot.actuate.endpoint.MigrationsEndpoint;
import dev.migrate.boot.autoconfigure.TestMigrations.AddAuthor;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateBooks;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateShelves;
import dev.migrate.boot.autoconfigure.command.MigrateCommandCompletedException;
import dev.migrate.boot.autoconfigure.command.MigrateCommandExitHandler;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code migrate.on-startup}: the strategy each mode chooses, and what each
 * does to an H2 database.
 */
class MigrateStartupModeTests {

	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final DatabaseState state = new DatabaseState(dataSource(this.url));

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrateHealthContributorAutoConfiguration.class, MigrateEndpointAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + this.url, "spring.datasource.username=sa",
				"management.endpoints.web.exposure.include=migrations");

	@Test
	void migratesByDefault() {
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class).run((context) -> {
			assertThat(context).hasSingleBean(MigrateToTargetMigrationStrategy.class)
				.doesNotHaveBean(MigrateValidateMigrationStrategy.class)
				.doesNotHaveBean(MigrateNoOpMigrationStrategy.class);
			assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
		});
	}

	@Test
	void migratesWhenOnStartupIsMigrate() {
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.on-startup=MIGRATE")
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrateToTargetMigrationStrategy.class);
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
			});
	}

	@Test
	void validateStartsWhenEveryMigrationIsApplied() {
		applied(CreateBooks.class, AddAuthor.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class)
			.withPropertyValues("migrate.on-startup=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(MigrateValidateMigrationStrategy.class)
					.doesNotHaveBean(MigrateToTargetMigrationStrategy.class);
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
			});
	}

	@Test
	void validateFailsTheStartWhenMigrationsArePendingAndAppliesNothing() {
		applied(CreateBooks.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateShelves.class)
			.withPropertyValues("migrate.on-startup=validate")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MigrationsNotReadyException.class);
				MigrationsNotReadyException notReady = (MigrationsNotReadyException) NestedExceptionUtils
					.getRootCause(context.getStartupFailure());
				assertThat(notReady.getPending()).map(Object::toString).containsExactly("2", "3");
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("migrate.on-startup=validate", "at version 1",
						"2 migration(s) pending: 2, 3", "Nothing was changed in the database.");
				assertThat(analysis.getAction()).contains("Kubernetes Job", "migrate.on-startup=migrate",
						"--migrate.command=migrate", "must have finished");
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
				assertThat(this.state.hasColumn("book", "author")).isFalse();
				assertThat(this.state.hasTable("shelf")).isFalse();
			});
	}

	@Test
	void validateFailsTheStartOfAnEmptyDatabaseWithoutCreatingTheHistory() {
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.on-startup=validate")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MigrationsNotReadyException.class)
					.hasMessageContaining("(at version none)")
					.hasMessageContaining("pending: 1");
				assertThat(this.state.hasTable("migrate_history")).isFalse();
				assertThat(this.state.hasTable("migrate_history_lock")).isFalse();
				assertThat(this.state.hasTable("book")).isFalse();
			});
	}

	@Test
	void validateIgnoresMigrationsAboveTheTarget() {
		applied(CreateBooks.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class)
			.withPropertyValues("migrate.on-startup=validate", "migrate.target=1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
			});
	}

	@Test
	void validateFailsTheStartWhenAnAppliedMigrationIsMissing() {
		applied(CreateBooks.class, AddAuthor.class, CreateShelves.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, CreateShelves.class)
			.withPropertyValues("migrate.on-startup=validate")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Migration 2", "no longer in the code")
					.doesNotContain("pending:");
				assertThat(analysis.getAction()).contains("failed, missing or changed").doesNotContain("Job");
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS", "3:SUCCESS");
			});
	}

	@Test
	void validateStartsAnOlderInstanceWhileANewerOneAppliedMore() {
		// A rolling deployment: the new version's Job applied migration 2 already.
		applied(CreateBooks.class, AddAuthor.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.on-startup=validate")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void validateFailsTheStartWhenAMigrationFailed() {
		this.contextRunner.withUserConfiguration(CreateBooks.class, TestMigrations.FailOnPurpose.class)
			.run((context) -> assertThat(context).hasFailed());
		this.contextRunner.withUserConfiguration(CreateBooks.class, TestMigrations.FailOnPurpose.class)
			.withPropertyValues("migrate.on-startup=validate")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MigrationsNotReadyException.class)
					.hasMessageContaining("Migration 4")
					.hasMessageContaining("failed");
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "4:FAILED");
			});
	}

	@Test
	void validateFailsTheStartWhenAnAppliedMigrationChanged() {
		applied(CreateBooks.class);
		this.state.jdbc().update("UPDATE migrate_history SET checksum = 'b1:00000000000000000000000000000000'");
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.on-startup=validate")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MigrationsNotReadyException.class)
					.hasMessageContaining("was changed after it was applied");
				assertThat(this.state.jdbc().queryForObject("SELECT checksum FROM migrate_history", String.class))
					.isEqualTo("b1:00000000000000000000000000000000");
			});
	}

	@Test
	void commandThatAnAheadOfTimeProcessedContextLacksFailsTheStart() {
		// As in an application processed ahead of time without migrate.command: the
		// command's beans were left out, and the property only appears at run time.
		this.contextRunner.withUserConfiguration(CreateBooks.class, LateCommandProperty.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("migrate.command=info is set, but the application was processed ahead of time");
			assertThat(this.state.hasTable("migrate_history")).isFalse();
		});
	}

	@Test
	void noneDoesNoDatabaseWorkAtStartUp() {
		AtomicInteger connections = new AtomicInteger();
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withBean(DataSource.class, () -> counting(dataSource(this.url), connections))
			.withPropertyValues("migrate.on-startup=none")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(MigrateNoOpMigrationStrategy.class)
					.hasSingleBean(Migrator.class)
					.hasSingleBean(MigrateMigrationInitializer.class);
				assertThat(connections).hasValue(0);
				assertThat(this.state.hasTable("migrate_history")).isFalse();
				assertThat(this.state.hasTable("book")).isFalse();
			});
	}

	@Test
	void endpointAndHealthStayWithNone() {
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.on-startup=none")
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationsEndpoint.class);
				Health health = context.getBean("migrationsHealthContributor", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("pendingVersions", List.of("1"));
				assertThat(context.getBean(Migrator.class).info().pending()).hasSize(1);
			});
	}

	@Test
	void endpointAndHealthStayWithValidate() {
		applied(CreateBooks.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.on-startup=validate")
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationsEndpoint.class);
				Health health = context.getBean("migrationsHealthContributor", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void commandWinsOverOnStartup() {
		RecordingExitHandler exitHandler = new RecordingExitHandler();
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withBean(MigrateCommandExitHandler.class, () -> exitHandler)
			.withPropertyValues("migrate.on-startup=none", "migrate.command=migrate")
			.run((context) -> {
				assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(MigrateCommandCompletedException.class);
				assertThat(exitHandler.result().exitCode()).isZero();
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
			});
	}

	@Test
	void usersOwnStrategyWinsOverOnStartup() {
		AtomicInteger calls = new AtomicInteger();
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withBean("ownStrategy", MigrateMigrationStrategy.class, () -> (migrator) -> calls.incrementAndGet())
			.withPropertyValues("migrate.on-startup=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(MigrateValidateMigrationStrategy.class)
					.doesNotHaveBean(MigrateNoOpMigrationStrategy.class)
					.doesNotHaveBean(MigrateToTargetMigrationStrategy.class);
				assertThat(calls).hasValue(1);
				assertThat(this.state.hasTable("migrate_history")).isFalse();
			});
	}

	@Test
	void misspeltModeFailsTheStartNamingTheValidOnes() {
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.on-startup=valdate")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("valdate");
				assertThat(this.state.hasTable("migrate_history")).isFalse();
			});
	}

	@Test
	void healthIsUpWhenMigrationsAboveTheTargetAreHeldBack() {
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateShelves.class)
			.withPropertyValues("migrate.target=1")
			.run((context) -> {
				Health health = context.getBean("migrationsHealthContributor", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("pending", 0)
					.containsEntry("target", "1")
					.containsEntry("heldBack", List.of("2", "3"))
					.doesNotContainKey("pendingVersions");
			});
	}

	@Test
	void healthIsDownWhenMigrationsUpToTheTargetArePending() {
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateShelves.class)
			.withPropertyValues("migrate.target=2", "migrate.on-startup=none")
			.run((context) -> {
				Health health = context.getBean("migrationsHealthContributor", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("pending", 2)
					.containsEntry("pendingVersions", List.of("1", "2"))
					.containsEntry("heldBack", List.of("3"));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class LateCommandProperty {

		@Bean
		static BeanFactoryPostProcessor lateCommandProperty(ConfigurableEnvironment environment) {
			return (beanFactory) -> environment.getPropertySources()
				.addFirst(new MapPropertySource("late", Map.of("migrate.command", "info")));
		}

	}

	private void applied(Class<?>... migrations) {
		this.contextRunner.withUserConfiguration(migrations).run((context) -> assertThat(context).hasNotFailed());
	}

	private static DataSource counting(DataSource dataSource, AtomicInteger connections) {
		return new DelegatingDataSource(dataSource) {

			@Override
			public Connection getConnection() throws SQLException {
				connections.incrementAndGet();
				return super.getConnection();
			}

			@Override
			public Connection getConnection(String username, String password) throws SQLException {
				connections.incrementAndGet();
				return super.getConnection(username, password);
			}

		};
	}

	private static DataSource dataSource(String url) {
		return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(url).username("sa").build();
	}

}
