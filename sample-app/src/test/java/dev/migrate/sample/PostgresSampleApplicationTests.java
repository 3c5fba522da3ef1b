package dev.migrate.sample;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample with its {@code postgres} profile, on a fresh schema of the local PostgreSQL
 * server (or an embedded PostgreSQL where none runs).
 */
@ActiveProfiles("postgres")
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresSampleApplicationTests extends AbstractSampleApplicationTests {

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

}
