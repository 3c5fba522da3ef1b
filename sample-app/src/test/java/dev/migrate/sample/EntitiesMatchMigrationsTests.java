package dev.migrate.sample;

import dev.migrate.test.DriftCheck;
import dev.migrate.test.junit.DriftTest;
import org.junit.jupiter.api.Test;

/**
 * Proves the sample's entities match its migrations: on an empty database every migration
 * is applied and the result compared with the mapping Hibernate builds for {@code User}
 * and {@code Report}. An entity changed without a migration fails here, with the
 * migration to add in the message and under {@code target/migrate-drift}.
 */
@DriftTest(properties = { "migrate.enabled=false", "spring.jpa.hibernate.ddl-auto=none",
		"spring.datasource.url=jdbc:h2:mem:sample-drift;DB_CLOSE_DELAY=-1" })
class EntitiesMatchMigrationsTests {

	@Test
	void noEntityDriftedFromTheMigrations(DriftCheck check) {
		check.check();
	}

}
