package dev.migrate.sample;

import dev.migrate.test.ReversibilityReport;
import dev.migrate.test.ReversibilityVerifier;
import dev.migrate.test.junit.ReversibilityTest;
import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's migrations are reversible on PostgreSQL too, in an empty schema of the
 * local server (or an embedded PostgreSQL where none runs), as docs/testing.md shows for
 * a local server: the properties repeat the defaults of {@code @ReversibilityTest}, which
 * they replace, so that migrate does not run at start-up.
 */
@ActiveProfiles("postgres")
@RequiresDatabase(TestDatabase.POSTGRES)
@ReversibilityTest(
		properties = { "migrate.enabled=false", "spring.sql.init.mode=never", "spring.jpa.hibernate.ddl-auto=none" })
class PostgresMigrationsReversibilityTests {

	private static TestDatabase.Isolated database;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		database = TestDatabase.POSTGRES.createIsolated();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

	@AfterAll
	static void dropSchema() {
		if (database != null) {
			database.close();
		}
	}

	@Test
	void everyDownUndoesItsUp(ReversibilityVerifier verifier) {
		ReversibilityReport report = verifier.checkRows("users", "reports").sampleData("2", (jdbc) -> {
			jdbc.update("INSERT INTO users (id, email, password) VALUES (100, 'ada@example.com', 'x')");
			jdbc.update("INSERT INTO reports (id, price, make, model, model_year, lng, lat, mileage, user_id)"
					+ " VALUES (200, 9000, 'Volvo', 'V70', 2008, 11.9, 57.7, 210000, 100)");
		}).verify();

		assertThat(report.reversibleVersions()).containsExactly("1", "2", "3", "4");
		assertThat(report.notChecked()).isEmpty();
	}

}
