package dev.migrate.sample;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.migrate.MigrationInfo;
import dev.migrate.MigrationState;
import dev.migrate.Migrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application as Spring AOT processed it in the build ({@code process-aot}),
 * started from the generated bean definitions with {@code spring.aot.enabled=true}, as a
 * native image starts: the migrations are found, applied and listed. Runs in the
 * {@code aot-tests} execution of the build, after {@code process-aot}.
 */
@EnabledIfSystemProperty(named = "spring.aot.enabled", matches = "true",
		disabledReason = "needs the AOT-processed application: run by the aot-tests execution of 'mvnw verify'")
class AotSampleApplicationTests {

	@Test
	void aotProcessedApplicationAppliesAndListsItsMigrations() {
		assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
		assertThat(ClassUtils.isPresent("dev.migrate.sample.SampleApplication__ApplicationContextInitializer",
				getClass().getClassLoader()))
			.isTrue();
		SpringApplication application = new SpringApplication(SampleApplication.class);
		// The generated initializer is named after the main class, which is not on this
		// thread's stack here.
		application.setMainApplicationClass(SampleApplication.class);
		try (ConfigurableApplicationContext context = application.run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:aot-sample;DB_CLOSE_DELAY=-1")) {
			List<MigrationInfo> migrations = context.getBean(Migrator.class).info().migrations();
			assertThat(migrations).extracting((migration) -> migration.version().toString())
				.containsExactly("1", "2", "3", "4");
			assertThat(migrations).extracting(MigrationInfo::state).containsOnly(MigrationState.APPLIED);
			// The checksums were computed from the class files, as in a native image with
			// the resource hints of the migrations.
			assertThat(migrations).extracting(MigrationInfo::checksum)
				.allSatisfy((checksum) -> assertThat(checksum).startsWith("b1:"));
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
			assertThat(jdbc.queryForList("SELECT version FROM migrate_history ORDER BY installed_rank", String.class))
				.containsExactly("1", "2", "3", "4");
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String json = RestClient.create("http://localhost:" + port)
				.get()
				.uri("/actuator/migrations")
				.retrieve()
				.body(String.class);
			List<String> versions = JsonPath.read(json, "$..migrations[*].version");
			List<String> states = JsonPath.read(json, "$..migrations[*].state");
			assertThat(versions).containsExactly("1", "2", "3", "4");
			assertThat(states).containsOnly("APPLIED");
		}
	}

}
