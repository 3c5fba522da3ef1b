package dev.migrate.test.junit;

import java.util.List;

import javax.sql.DataSource;

import dev.migrate.Migration;
import dev.migrate.test.ReversibilityError;
import dev.migrate.test.ReversibilityVerifier;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ReversibilityExtension} in a plain Spring test, without Spring Boot.
 */
@SpringJUnitConfig(ReversibilityExtensionTests.Config.class)
@TestPropertySource(properties = "migrate.table=reports_history")
@ExtendWith(ReversibilityExtension.class)
class ReversibilityExtensionTests {

	@Test
	void failsOnTheContextsMigrationWhoseDownIsIncomplete(ReversibilityVerifier verifier,
			@Autowired DataSource dataSource) {
		assertThatExceptionOfType(ReversibilityError.class).isThrownBy(verifier::verify)
			.withMessageStartingWith("Migration 2 (bean 'addReportsApprovedColumn', "
					+ AddReportsApprovedColumn.class.getName() + ") is not reversible")
			.satisfies((error) -> assertThat(error.getDifferences())
				.containsExactly("column reports.approved BOOLEAN NOT NULL DEFAULT FALSE is still there"));
		// The history and lock tables went where migrate.table says, and stayed out of
		// the comparison.
		assertThat(SchemaSnapshot.of(dataSource, null, List.of()).tableNames()).containsExactly("reports",
				"reports_history", "reports_history_lock");
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
		ReversibilityTestTests.CreateReports createReports() {
			return new ReversibilityTestTests.CreateReports();
		}

		@Bean
		AddReportsApprovedColumn addReportsApprovedColumn() {
			return new AddReportsApprovedColumn();
		}

	}

	/** Down drops the index but forgets the column. */
	@Migration(version = "2")
	public static class AddReportsApprovedColumn {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE reports ADD COLUMN approved BOOLEAN DEFAULT FALSE NOT NULL");
			jdbc.execute("CREATE INDEX reports_approved_idx ON reports(approved)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP INDEX reports_approved_idx");
		}

	}

}
