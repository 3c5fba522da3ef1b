package dev.migrate;

import dev.migrate.testsupport.TestDatabase;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The contract on a PostgreSQL started by Testcontainers; disabled where Docker is not
 * available.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersPostgresMigratorContractTests extends AbstractMigratorContractTests {

	@Container
	static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

	@Override
	protected TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

	@Override
	protected TestDatabase.Isolated createIsolated() {
		return TestDatabase.createIsolatedPostgres(
				new TestDatabase.Server(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword()));
	}

	@Override
	protected boolean hasTransactionalDdl() {
		return true;
	}

}
