package dev.migrate.boot.autoconfigure;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.migrate.boot.autoconfigure.TestMigrations.CreateBooks;
import dev.migrate.boot.autoconfigure.command.MigrateCommandExitHandler;
import dev.migrate.boot.autoconfigure.command.MigrateCommandResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unknown {@code migrate.*} keys fail the start, with the key, its near matches and the
 * valid properties; known ones bind in every relaxed form.
 */
class MigrateUnknownPropertiesTests {

	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final DatabaseState state = new DatabaseState(
			DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(this.url).username("sa").build());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
		.withUserConfiguration(CreateBooks.class)
		.withPropertyValues("spring.datasource.url=" + this.url, "spring.datasource.username=sa");

	@Test
	void misspeltEnabledFailsTheStartInsteadOfMigrating() {
		this.contextRunner.withPropertyValues("migrate.enable=false").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("Unknown migrate properties", "migrate.enable=false",
					"did you mean migrate.enabled?", "Nothing was changed in the database.");
			assertThat(analysis.getAction()).contains("Correct or remove", "migrate.enabled", "migrate.lock-timeout",
					"migrate.on-startup");
			assertThat(this.state.hasTable("migrate_history")).isFalse();
			assertThat(this.state.hasTable("book")).isFalse();
		});
	}

	@Test
	void misspeltLockTimeoutFailsTheStart() {
		this.contextRunner.withPropertyValues("migrate.lock-timout=5s").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("migrate.lock-timout=5s",
					"did you mean migrate.lock-timeout?");
			assertThat(this.state.hasTable("migrate_history")).isFalse();
		});
	}

	@Test
	void reportsEveryUnknownKeyAndWhereItWasSet() {
		this.contextRunner.withPropertyValues("migrate.enable=false", "migrate.unheard-of.thing=1").run((context) -> {
			FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("migrate.enable=false", "migrate.unheard-of.thing=1",
					"\"migrate.enable\" from property source \"test\"");
		});
	}

	@Test
	void knownPropertiesBindInEveryRelaxedForm() {
		for (String property : List.of("migrate.lockTimeout=5s", "migrate.lock_timeout=5s",
				"migrate.LOCK-TIMEOUT=5s")) {
			this.contextRunner.withPropertyValues(property).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrateProperties.class).getLockTimeout()).isEqualTo(Duration.ofSeconds(5));
			});
		}
	}

	@Test
	void knownPropertiesBindFromEnvironmentVariables() {
		for (String variable : List.of("MIGRATE_LOCK_TIMEOUT", "MIGRATE_LOCKTIMEOUT")) {
			this.contextRunner
				.withInitializer((context) -> context.getEnvironment()
					.getPropertySources()
					.addFirst(new SystemEnvironmentPropertySource(
							StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of(variable, "5s", "MIGRATE_ON_STARTUP", "none"))))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					MigrateProperties properties = context.getBean(MigrateProperties.class);
					assertThat(properties.getLockTimeout()).isEqualTo(Duration.ofSeconds(5));
					assertThat(properties.getOnStartup()).isEqualTo(MigrateStartupMode.NONE);
				});
		}
	}

	@Test
	void environmentVariablesAreNotChecked() {
		// Spring Boot leaves the environment out of the check: it holds the variables of
		// everything else on the machine.
		this.contextRunner
			.withInitializer(
					(context) -> context.getEnvironment()
						.getPropertySources()
						.addFirst(new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("MIGRATE_ENABLE", "false"))))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
			});
	}

	@Test
	void unknownKeyEndsACommandWithExitCodeFour() {
		RecordingExitHandler exitHandler = new RecordingExitHandler();
		this.contextRunner.withBean(MigrateCommandExitHandler.class, () -> exitHandler)
			.withPropertyValues("migrate.command=migrate", "migrate.steps=1", "migrate.tagret=1")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(exitHandler.result().exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
				assertThat(exitHandler.result().report()).contains("migrate.command=migrate did not run",
						"migrate.tagret=1", "did you mean migrate.target?");
				assertThat(this.state.hasTable("migrate_history")).isFalse();
			});
	}

	@Test
	void validNamesAreThoseOfTheConfigurationMetadata() throws Exception {
		List<String> documented = new ArrayList<>();
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
				String name = property.get("name").asString();
				if (name.startsWith("migrate.")) {
					documented.add(name);
				}
			}
		}
		assertThat(MigrateUnknownProperties.validNames()).containsExactlyInAnyOrderElementsOf(documented);
	}

	@Test
	void nearMatchesAreTheClosestValidNames() {
		assertThat(MigrateUnknownProperties.nearMatches("migrate.enable")).containsExactly("migrate.enabled");
		assertThat(MigrateUnknownProperties.nearMatches("migrate.lock-timout")).containsExactly("migrate.lock-timeout");
		assertThat(MigrateUnknownProperties.nearMatches("migrate.onstartup")).containsExactly("migrate.on-startup");
		assertThat(MigrateUnknownProperties.nearMatches("migrate.baseline"))
			.containsExactly("migrate.baseline-version");
		assertThat(MigrateUnknownProperties.nearMatches("migrate.something-else-entirely")).isEmpty();
	}

}
