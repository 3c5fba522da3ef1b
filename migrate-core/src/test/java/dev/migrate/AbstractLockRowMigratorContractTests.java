package dev.migrate;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.migrate.ContractMigrations.AddUsersName;
import dev.migrate.ContractMigrations.BlockingMigration;
import dev.migrate.ContractMigrations.CreateUsersTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The contract, plus the lease of the lock row, on databases that lock with a row
 * ({@code migrate_history_lock}) rather than a session lock.
 */
abstract class AbstractLockRowMigratorContractTests extends AbstractMigratorContractTests {

	private static final String LOCK_TABLE = "migrate_history_lock";

	private static final String CRASHED_HOLDER = "4242@crashed-host/deadbeef";

	@Test
	void lockRowOfAHolderThatStoppedHeartbeatingIsTakenOverAfterItsLease() {
		migrator(new CreateUsersTable()).migrate();
		leaveLockRowOfACrashedHolder();
		Migrator migrator = builder(new CreateUsersTable(), new AddUsersName()).lockLease(Duration.ofMillis(400))
			.lockTimeout(Duration.ofSeconds(20))
			.build();

		OperationResult result = migrator.migrate();

		assertThat(result.lockWait()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(columns("users")).contains("name");
		assertThat(this.jdbc.queryForObject("SELECT owner FROM " + LOCK_TABLE + " WHERE id = 1", String.class))
			.isNull();
	}

	@Test
	void lockRowOfAHolderThatStoppedHeartbeatingBlocksUntilItsLeaseExpires() {
		migrator(new CreateUsersTable()).migrate();
		leaveLockRowOfACrashedHolder();
		Migrator migrator = builder(new CreateUsersTable(), new AddUsersName()).lockLease(Duration.ofSeconds(30))
			.lockTimeout(Duration.ofMillis(300))
			.build();

		assertThatExceptionOfType(MigrationLockException.class).isThrownBy(migrator::migrate)
			.satisfies((ex) -> assertThat(ex.getHolder()).startsWith(CRASHED_HOLDER))
			.withMessageContaining(CRASHED_HOLDER);
		assertThat(columns("users")).doesNotContain("name");
		assertThat(this.jdbc.queryForObject("SELECT owner FROM " + LOCK_TABLE + " WHERE id = 1", String.class))
			.isEqualTo(CRASHED_HOLDER);
	}

	@Test
	void heartbeatKeepsTheLeaseOfALiveHolder() throws Exception {
		Duration lease = Duration.ofMillis(300);
		BlockingMigration blocking = new BlockingMigration();
		Migrator first = builder(blocking).lockLease(lease).build();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<OperationResult> firstRun = executor.submit(() -> first.migrate());
			assertThat(blocking.entered.await(30, TimeUnit.SECONDS)).isTrue();
			BlockingMigration released = new BlockingMigration();
			released.release.countDown();
			// Waits for more than twice the lease: only the heartbeat keeps the lock.
			Migrator second = builder(released).lockLease(lease).lockTimeout(Duration.ofMillis(800)).build();

			assertThatExceptionOfType(MigrationLockException.class).isThrownBy(second::migrate);
			assertThat(released.entered.getCount()).isOne();

			blocking.release.countDown();
			assertThat(firstRun.get(30, TimeUnit.SECONDS).executions()).hasSize(1);
		}
		finally {
			blocking.release.countDown();
			executor.shutdownNow();
		}
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.containsExactly(tuple("1", "SUCCESS"));
		assertThat(this.jdbc.queryForObject("SELECT owner FROM " + LOCK_TABLE + " WHERE id = 1", String.class))
			.isNull();
	}

	private void leaveLockRowOfACrashedHolder() {
		assertThat(this.jdbc.update(
				"UPDATE " + LOCK_TABLE + " SET owner = ?, locked_at = CURRENT_TIMESTAMP,"
						+ " heartbeat_at = CURRENT_TIMESTAMP, lock_version = lock_version + 1 WHERE id = 1",
				CRASHED_HOLDER))
			.isOne();
	}

}
