package dev.migrate.sample;

import dev.migrate.test.ReversibilityReport;
import dev.migrate.test.ReversibilityVerifier;
import dev.migrate.test.junit.ReversibilityTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves every migration of the sample is reversible: on an empty database each one is
 * applied, rolled back and applied again, with schema snapshots compared at every step,
 * and a user with a report, inserted after migration 2, survives the up and down of the
 * later ones.
 */
@ReversibilityTest(properties = { "migrate.enabled=false", "spring.jpa.hibernate.ddl-auto=none",
		"spring.datasource.url=jdbc:h2:mem:sample-reversibility;DB_CLOSE_DELAY=-1" })
class MigrationsReversibilityTests {

	@Test
	void everyDownUndoesItsUp(ReversibilityVerifier verifier) {
		ReversibilityReport report = verifier.checkRows("users", "reports").sampleData("2", (jdbc) -> {
			jdbc.update("INSERT INTO users (id, email, password) VALUES (100, 'ada@example.com', 'x')");
			jdbc.update("INSERT INTO reports (id, price, make, model, model_year, lng, lat, mileage, user_id)"
					+ " VALUES (200, 9000, 'Volvo', 'V70', 2008, 11.9, 57.7, 210000, 100)");
		}).verify();

		assertThat(report.reversibleVersions()).containsExactly("1", "2", "3", "4");
		assertThat(report.irreversibleVersions()).isEmpty();
	}

}
