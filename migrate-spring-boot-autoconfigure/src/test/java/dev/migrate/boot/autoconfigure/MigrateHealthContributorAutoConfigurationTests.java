package dev.migrate.boot.autoconfigure;

import java.util.UUID;

import javax.sql.DataSource;

import dev.migrate.boot.autoconfigure.TestMigrations.CreateBooks;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code management.health.migrations.enabled}, as docs/configuration.md describes it:
 * the {@code migrations} health contributor exists unless switched off, and switching it
 * off leaves the migrations running.
 */
class MigrateHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrateHealthContributorAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
		.withUserConfiguration(CreateBooks.class);

	@Test
	void contributesMigrationsHealthByDefault() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean("migrationsHealthContributor", HealthIndicator.class).health().getStatus())
			.isEqualTo(Status.UP));
	}

	@Test
	void leavesOutMigrationsHealthWhenSwitchedOffAndStillMigrates() {
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean("migrationsHealthContributor");
			assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("SELECT COUNT(*) FROM book",
					Integer.class))
				.isOne();
		});
	}

	@Test
	void leavesOutMigrationsHealthWhenEveryHealthIndicatorIsOffByDefault() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("migrationsHealthContributor"));
	}

}
