package dev.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.migrate.ContractMigrations.CreateUsersTable;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The retries of the first connection ({@link Migrator.Builder#connectRetries(int)}): a
 * database that answers after a few attempts is migrated; nothing but the first
 * connection is retried.
 */
class ConnectRetriesTests {

	private final DataSource h2 = new SimpleDriverDataSource(new org.h2.Driver(),
			"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

	@Test
	void migratesADatabaseThatAnswersAfterSomeFailedAttempts() {
		FailingDataSource dataSource = new FailingDataSource(this.h2, 3);
		Migrator migrator = builder(dataSource).connectRetries(5).build();
		OperationResult result = migrator.migrate();
		assertThat(result.executions()).hasSize(1);
		assertThat(dataSource.failed).hasValue(3);
		assertThat(history()).containsExactly("1");
	}

	@Test
	void givesUpAfterTheRetriesNamingThem() {
		FailingDataSource dataSource = new FailingDataSource(this.h2, Integer.MAX_VALUE);
		Migrator migrator = builder(dataSource).connectRetries(2).build();
		assertThatExceptionOfType(MigrateException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("could not connect to the database")
			.withMessageContaining("database is still starting")
			.withMessageContaining("Tried 3 times, 10 ms apart (Migrator.Builder.connectRetries(...),"
					+ " Migrator.Builder.connectRetriesInterval(...))");
		assertThat(dataSource.failed).hasValue(3);
	}

	@Test
	void triesOnceWithoutRetries() {
		FailingDataSource dataSource = new FailingDataSource(this.h2, 1);
		Migrator migrator = Migrator.builder(dataSource).migrations(List.of(new CreateUsersTable())).build();
		assertThatExceptionOfType(MigrateException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("could not connect to the database");
		assertThat(dataSource.failed).hasValue(1);
		// The next operation connects: the failure was not kept.
		assertThat(migrator.migrate().executions()).hasSize(1);
	}

	@Test
	void retriesOnlyTheFirstConnectionNotLaterOnes() {
		FailingDataSource dataSource = new FailingDataSource(this.h2, 0);
		Migrator migrator = builder(dataSource).connectRetries(5).build();
		migrator.migrate();
		dataSource.failNext(Integer.MAX_VALUE);
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(migrator::info);
		// Once each, without retries: the read of the history and the check whether its
		// table exists.
		assertThat(dataSource.failed).hasValue(2);
	}

	@Test
	void doesNotRetryAMigrationThatFails() {
		FailingMigration.runs.set(0);
		Migrator migrator = Migrator.builder(this.h2)
			.migrations(List.of(new FailingMigration()))
			.connectRetries(5)
			.connectRetriesInterval(Duration.ofMillis(10))
			.build();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate);
		assertThat(FailingMigration.runs).hasValue(1);
	}

	@Test
	void refusesNegativeRetriesAndAnIntervalThatIsNotPositive() {
		assertThatExceptionOfType(MigrateConfigurationException.class)
			.isThrownBy(() -> Migrator.builder(this.h2).connectRetries(-1).build())
			.withMessageContaining("connectRetries(...)) must be 0 or more, was -1");
		assertThatExceptionOfType(MigrateConfigurationException.class)
			.isThrownBy(() -> Migrator.builder(this.h2).connectRetriesInterval(Duration.ZERO).build())
			.withMessageContaining("connectRetriesInterval(...)) must be positive");
	}

	private Migrator.Builder builder(DataSource dataSource) {
		return Migrator.builder(dataSource)
			.migrations(List.of(new CreateUsersTable()))
			.connectRetriesInterval(Duration.ofMillis(10));
	}

	private List<String> history() {
		return new JdbcTemplate(this.h2).queryForList("SELECT version FROM migrate_history", String.class);
	}

	@Migration(version = "1")
	public static class FailingMigration {

		static final AtomicInteger runs = new AtomicInteger();

		public void up(JdbcTemplate jdbc) {
			runs.incrementAndGet();
			jdbc.execute("CREATE TABLE broken (");
		}

	}

	/**
	 * A data source whose first connections fail, as a database that is still starting.
	 */
	static final class FailingDataSource extends DelegatingDataSource {

		private final AtomicInteger failures;

		final AtomicInteger failed = new AtomicInteger();

		FailingDataSource(DataSource dataSource, int failures) {
			super(dataSource);
			this.failures = new AtomicInteger(failures);
		}

		void failNext(int failures) {
			this.failures.set(failures);
			this.failed.set(0);
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.failures.getAndDecrement() > 0) {
				this.failed.incrementAndGet();
				throw new SQLTransientConnectionException("database is still starting");
			}
			return super.getConnection();
		}

	}

}
