package dev.migrate.sample;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * The sample on a PostgreSQL container wired by {@code @ServiceConnection}. Needs Docker;
 * without it the class is skipped ({@link PostgresSampleApplicationTests} covers
 * PostgreSQL then).
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersSampleApplicationTests extends AbstractSampleApplicationTests {

	@Container
	@ServiceConnection
	static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");

}
