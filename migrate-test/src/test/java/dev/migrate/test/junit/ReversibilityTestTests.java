package dev.migrate.test.junit;

import javax.sql.DataSource;

import dev.migrate.Migration;
import dev.migrate.test.ReversibilityReport;
import dev.migrate.test.ReversibilityReport.VerifiedMigration;
import dev.migrate.test.ReversibilityVerifier;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReversibilityTest @ReversibilityTest} in a Spring Boot test: the verifier gets
 * the context's migrations and data source.
 */
@ReversibilityTest(classes = ReversibilityTestTests.Config.class)
class ReversibilityTestTests {

	@Test
	void verifiesTheContextsMigrationsOnItsDataSource(ReversibilityVerifier verifier,
			@Autowired DataSource dataSource) {
		ReversibilityReport report = verifier.allowIrreversible("3").verify();
		assertThat(report.migrations()).extracting(VerifiedMigration::beanName)
			.containsExactly("createReports", "addApprovedColumn", "approveAll");
		assertThat(report.reversibleVersions()).containsExactly("1", "2");
		assertThat(report.irreversibleVersions()).containsExactly("3");
		assertThat(SchemaSnapshot.of(dataSource).objects()).extracting(Object::toString)
			.contains("column reports.approved BOOLEAN NOT NULL DEFAULT FALSE");
	}

	@Test
	void keepsMigrationsAndSchemaInitializersFromRunningAtStartup(@Autowired Environment environment) {
		assertThat(environment.getProperty("migrate.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("spring.sql.init.mode")).isEqualTo("never");
		assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

		@Bean(destroyMethod = "close")
		TestDatabase.Isolated database() {
			return TestDatabase.H2.createIsolated();
		}

		@Bean
		DataSource dataSource(TestDatabase.Isolated database) {
			return database.dataSource();
		}

		@Bean
		CreateReports createReports() {
			return new CreateReports();
		}

		@Bean
		AddApprovedColumn addApprovedColumn() {
			return new AddApprovedColumn();
		}

		@Bean
		ApproveAll approveAll() {
			return new ApproveAll();
		}

	}

	@Migration(version = "1")
	public static class CreateReports {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE reports (id INT PRIMARY KEY, title VARCHAR(100) NOT NULL)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE reports");
		}

	}

	@Migration(version = "2")
	public static class AddApprovedColumn {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE reports ADD COLUMN approved BOOLEAN DEFAULT FALSE NOT NULL");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE reports DROP COLUMN approved");
		}

	}

	@Migration(version = "3")
	public static class ApproveAll {

		public void up(JdbcTemplate jdbc) {
			jdbc.update("UPDATE reports SET approved = TRUE");
		}

	}

}
