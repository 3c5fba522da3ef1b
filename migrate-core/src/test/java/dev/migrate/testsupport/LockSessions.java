package dev.migrate.testsupport;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ends the database session that holds migrate's session lock, as a DBA, an idle timeout
 * or a proxy would: {@code pg_terminate_backend} of the backend holding the advisory lock
 * in {@code pg_locks} on PostgreSQL, {@code KILL} of {@code IS_USED_LOCK(name)} on
 * MariaDB. The lock is found by the key migrate derives from the history table and its
 * schema, so sessions of other tests on the same server are left alone.
 */
public final class LockSessions {

	/** First half of migrate's advisory lock key: "migr" in ASCII. */
	static final long KEY_SPACE = 0x6d696772L;

	private LockSessions() {
	}

	/**
	 * Terminate the session holding the lock of a history table in the current schema of
	 * a data source, and wait until that session no longer holds it (an instance waiting
	 * for the lock may hold it by then).
	 * @param database the database, {@link TestDatabase#POSTGRES} or
	 * {@link TestDatabase#MARIADB}
	 * @param dataSource a data source whose connections work in the history table's
	 * schema (not the one whose connection holds the lock)
	 * @param historyTable the history table
	 * @return the id of the session that was ended
	 */
	public static long terminateHolder(TestDatabase database, DataSource dataSource, String historyTable) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		long session = switch (database) {
			case POSTGRES -> terminatePostgres(jdbc, advisoryKey(scope(dataSource, false), historyTable));
			case MARIADB -> killMariaDb(jdbc, namedLock(scope(dataSource, true), historyTable));
			default -> throw new IllegalArgumentException(database + " has no session lock");
		};
		return session;
	}

	/**
	 * The session that holds the lock of a history table, if any.
	 * @param database the database
	 * @param dataSource a data source whose connections work in the history table's
	 * schema
	 * @param historyTable the history table
	 * @return the session id, or {@code null} if nobody holds it
	 */
	public static @Nullable Long holder(TestDatabase database, DataSource dataSource, String historyTable) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		return switch (database) {
			case POSTGRES -> postgresHolder(jdbc, advisoryKey(scope(dataSource, false), historyTable));
			case MARIADB -> jdbc.queryForObject("SELECT IS_USED_LOCK(?)", Long.class,
					namedLock(scope(dataSource, true), historyTable));
			default -> throw new IllegalArgumentException(database + " has no session lock");
		};
	}

	private static long terminatePostgres(JdbcTemplate jdbc, long key) {
		Long pid = postgresHolder(jdbc, key);
		if (pid == null) {
			throw new IllegalStateException("nobody holds the advisory lock (" + KEY_SPACE + ", " + key + ")");
		}
		Boolean terminated = jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, pid.intValue());
		if (!Boolean.TRUE.equals(terminated)) {
			throw new IllegalStateException("could not terminate backend " + pid);
		}
		// Another instance waiting for the lock may take it at once: wait until this
		// session no longer holds it, not until nobody does.
		await(() -> !pid.equals(postgresHolder(jdbc, key)), "backend " + pid + " still holds the lock");
		return pid;
	}

	private static @Nullable Long postgresHolder(JdbcTemplate jdbc, long key) {
		List<Long> pids = jdbc.queryForList(
				"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = ? AND objid = ?"
						+ " AND objsubid = 2",
				Long.class, KEY_SPACE, key);
		return pids.isEmpty() ? null : pids.get(0);
	}

	private static long killMariaDb(JdbcTemplate jdbc, String lockName) {
		Long id = jdbc.queryForObject("SELECT IS_USED_LOCK(?)", Long.class, lockName);
		if (id == null) {
			throw new IllegalStateException("nobody holds the named lock '" + lockName + "'");
		}
		jdbc.execute("KILL CONNECTION " + id);
		await(() -> !id.equals(jdbc.queryForObject("SELECT IS_USED_LOCK(?)", Long.class, lockName)),
				"connection " + id + " still holds the lock");
		return id;
	}

	static long advisoryKey(String schema, String historyTable) {
		CRC32 crc = new CRC32();
		crc.update((schema + "." + historyTable).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
		return crc.getValue();
	}

	private static String namedLock(String schema, String historyTable) {
		String name = "migrate:" + schema + "." + historyTable;
		if (name.length() > 64) {
			throw new IllegalArgumentException("lock name too long for this helper: " + name);
		}
		return name;
	}

	static String scope(DataSource dataSource, boolean catalog) {
		try (Connection connection = dataSource.getConnection()) {
			String scope = catalog ? connection.getCatalog() : connection.getSchema();
			if (scope == null) {
				throw new IllegalStateException("the connection names no current schema");
			}
			return scope;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void await(Check check, String failure) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!check.done()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(failure + " after 10 s");
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	@FunctionalInterface
	private interface Check {

		boolean done();

	}

}
