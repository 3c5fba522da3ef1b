package dev.migrate.boot.autoconfigure;

import java.util.UUID;

import dev.migrate.boot.actuate.endpoint.MigrationsEndpoint;
import dev.migrate.boot.autoconfigure.TestMigrations.AddAuthor;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateBooks;
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
 * Tests for the endpoint auto-configuration, on H2. Metrics and observations:
 * {@link MigrateObservabilityTests}.
 */
class MigrateEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				MigrateEndpointAutoConfiguration.class))
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
	void endpointListsNoDatabasesWithoutMigrateDatabases() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations").run((context) -> {
			JsonNode json = JsonMapper.builder()
				.build()
				.valueToTree(context.getBean(MigrationsEndpoint.class).migrations());
			JsonNode application = json.get("contexts").get(context.getId());
			assertThat(application.get("migrators").propertyNames()).containsExactly("migrator");
			assertThat(application.get("databases").isObject()).isTrue();
			assertThat(application.get("databases").isEmpty()).isTrue();
			assertThat(application.get("migrators").get("migrator").get("error").isNull()).isTrue();
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

}
