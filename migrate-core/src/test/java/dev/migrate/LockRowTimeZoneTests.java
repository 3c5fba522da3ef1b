package dev.migrate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.ContractMigrations.AddUsersName;
import dev.migrate.ContractMigrations.BlockingMigration;
import dev.migrate.ContractMigrations.CreateUsersTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The lock row's lease on an H2 file database shared by instances whose sessions (H2
 * {@code SET TIME ZONE}) and JVM default zones differ by nine hours. Timestamps written
 * with {@code CURRENT_TIMESTAMP} in each session's zone once decided the lease: a waiter
 * nine hours ahead took over a live holder at once, and one nine hours behind waited
 * hours for a crashed one. In each direction, a live lease must hold and an expired one
 * must be taken over within the lease plus a margin.
 */
class LockRowTimeZoneTests {

	private static final Duration LEASE = Duration.ofSeconds(1);

	/** Polling, connection and scheduling slack on a loaded machine. */
	private static final Duration MARGIN = Duration.ofSeconds(5);

	@TempDir
	Path directory;

	private final List<HikariDataSource> pools = new ArrayList<>();

	private TimeZone defaultZone;

	@BeforeEach
	void rememberDefaultZone() {
		this.defaultZone = TimeZone.getDefault();
	}

	@AfterEach
	void restoreDefaultZoneAndClosePools() {
		TimeZone.setDefault(this.defaultZone);
		this.pools.forEach(HikariDataSource::close);
	}

	@ParameterizedTest
	@EnumSource(Zones.class)
	void liveLeaseOfAHolderInAnotherZoneIsNotTakenOver(Zones zones) throws Exception {
		BlockingMigration blocking = new BlockingMigration();
		Migrator holder = Migrator.builder(instanceIn(zones.holder))
			.migrations(List.of(blocking))
			.lockLease(LEASE)
			.build();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<OperationResult> holderRun = executor.submit(() -> holder.migrate());
			assertThat(blocking.entered.await(30, TimeUnit.SECONDS)).isTrue();
			BlockingMigration released = new BlockingMigration();
			released.release.countDown();
			// Waits three leases: only the holder's heartbeat keeps the lock.
			Migrator waiter = Migrator.builder(instanceIn(zones.waiter))
				.migrations(List.of(released))
				.lockLease(LEASE)
				.lockTimeout(LEASE.multipliedBy(3))
				.build();

			assertThatExceptionOfType(MigrationLockException.class).isThrownBy(waiter::migrate);
			assertThat(released.entered.getCount()).as("the waiter ran the migration").isOne();

			blocking.release.countDown();
			assertThat(holderRun.get(30, TimeUnit.SECONDS).executions()).hasSize(1);
		}
		finally {
			blocking.release.countDown();
			executor.shutdownNow();
		}
		assertThat(jdbc().queryForList("SELECT status FROM migrate_history", String.class)).containsExactly("SUCCESS");
	}

	@ParameterizedTest
	@EnumSource(Zones.class)
	void expiredLeaseOfAHolderInAnotherZoneIsTakenOverWithinTheLease(Zones zones) {
		HikariDataSource crashed = instanceIn(zones.holder);
		Migrator.builder(crashed).migrations(List.of(new CreateUsersTable())).build().migrate();
		// The holder died holding the lock: its row stays as its session wrote it.
		assertThat(new JdbcTemplate(crashed).update("UPDATE migrate_history_lock SET owner = 'crashed-holder',"
				+ " locked_at = CURRENT_TIMESTAMP, heartbeat_at = CURRENT_TIMESTAMP, lock_version = lock_version + 1"
				+ " WHERE id = 1"))
			.isOne();
		Migrator waiter = Migrator.builder(instanceIn(zones.waiter))
			.migrations(List.of(new CreateUsersTable(), new AddUsersName()))
			.lockLease(LEASE)
			.lockTimeout(Duration.ofSeconds(30))
			.build();

		OperationResult result = waiter.migrate();

		assertThat(result.lockWait()).isGreaterThanOrEqualTo(LEASE.multipliedBy(9).dividedBy(10))
			.isLessThan(LEASE.plus(MARGIN));
		assertThat(result.executions()).hasSize(1);
		assertThat(jdbc().queryForObject("SELECT owner FROM migrate_history_lock WHERE id = 1", String.class)).isNull();
	}

	/**
	 * An instance whose JVM and H2 session are in the given zone.
	 */
	private HikariDataSource instanceIn(String zone) {
		TimeZone.setDefault(TimeZone.getTimeZone(zone));
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:file:" + this.directory.resolve("shared"));
		config.setUsername("sa");
		config.setPassword("");
		config.setConnectionInitSql("SET TIME ZONE '" + zone + "'");
		config.setMaximumPoolSize(4);
		config.setMinimumIdle(0);
		HikariDataSource pool = new HikariDataSource(config);
		this.pools.add(pool);
		String sessionZone = new JdbcTemplate(pool).queryForObject(
				"SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'TIME ZONE'", String.class);
		assertThat(sessionZone).isEqualTo(zone);
		return pool;
	}

	private JdbcTemplate jdbc() {
		return new JdbcTemplate(this.pools.get(0));
	}

	enum Zones {

		UTC_HOLDER_TOKYO_WAITER("UTC", "Asia/Tokyo"), TOKYO_HOLDER_UTC_WAITER("Asia/Tokyo", "UTC");

		final String holder;

		final String waiter;

		Zones(String holder, String waiter) {
			this.holder = holder;
			this.waiter = waiter;
		}

	}

}
