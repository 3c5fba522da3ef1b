package dev.migrate.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LockSessions}: ending the lock holder's session returns once that
 * session let the lock go, even when a waiting instance takes it at once (the
 * multi-process tests start one waiting for it).
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class LockSessionsTests {

	private final TestDatabase.Isolated database = TestDatabase.POSTGRES.createIsolated();

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void terminatingTheHolderReturnsAlthoughAWaiterTakesTheLockAtOnce() throws Exception {
		DataSource dataSource = this.database.dataSource();
		try (Connection holder = dataSource.getConnection(); Connection waiter = dataSource.getConnection()) {
			// The key migrate takes for migrate_history in the connection's schema, taken
			// the blocking way, so that the waiter is granted it the instant it is free.
			long key = LockSessions.advisoryKey(LockSessions.scope(dataSource, false), "migrate_history");
			String sql = "SELECT pg_advisory_lock(" + LockSessions.KEY_SPACE + ", " + (int) key + ")";
			long holderPid = pid(holder);
			long waiterPid = pid(waiter);
			new JdbcTemplate(new SingleConnectionDataSource(holder, true)).execute(sql);
			// Blocked in the database until the holder's session ends, then granted there
			// and then: before the helper can see nobody holding it.
			CompletableFuture<Void> waiting = CompletableFuture
				.runAsync(() -> new JdbcTemplate(new SingleConnectionDataSource(waiter, true)).execute(sql));
			awaitWaiting(dataSource, waiterPid);

			long terminated = LockSessions.terminateHolder(TestDatabase.POSTGRES, dataSource, "migrate_history");

			assertThat(terminated).isEqualTo(holderPid);
			waiting.get(10, TimeUnit.SECONDS);
			assertThat(LockSessions.holder(TestDatabase.POSTGRES, dataSource, "migrate_history")).isEqualTo(waiterPid);
		}
	}

	private static long pid(Connection connection) throws SQLException {
		return new JdbcTemplate(new SingleConnectionDataSource(connection, true))
			.queryForObject("SELECT pg_backend_pid()", Long.class);
	}

	private static void awaitWaiting(DataSource dataSource, long pid) throws InterruptedException {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND pid = ?)",
				Boolean.class, (int) pid))) {
			assertThat(System.nanoTime()).as("the waiter waits for the lock").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

}
