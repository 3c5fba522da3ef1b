package dev.migrate.lock;

import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * PostgreSQL session advisory lock, keyed by the history table and its schema. Advisory
 * locks belong to one database, so other databases of the server are not affected.
 *
 * @since 0.1.0
 */
public class PostgresAdvisoryLock extends SessionLock {

	/** First half of the key: "migr" in ASCII, so our locks are easy to spot. */
	private static final int KEY_SPACE = 0x6d696772;

	private final int key;

	/**
	 * Create the lock of a history table.
	 * @param dataSource the data source
	 * @param schema the schema of the history table, or {@code null} for the current
	 * schema of the data source's connections
	 * @param historyTable the name of the history table
	 */
	public PostgresAdvisoryLock(DataSource dataSource, @Nullable String schema, String historyTable) {
		this(dataSource,
				key((schema != null) ? schema : currentScope(dataSource, Connection::getSchema), historyTable));
	}

	private PostgresAdvisoryLock(DataSource dataSource, int key) {
		super(dataSource, "pg_advisory_lock(" + KEY_SPACE + ", " + key + ")");
		this.key = key;
	}

	private static int key(@Nullable String schema, String historyTable) {
		CRC32 crc = new CRC32();
		crc.update(((schema != null) ? schema + "." + historyTable : historyTable).toLowerCase(Locale.ROOT)
			.getBytes(UTF_8));
		return (int) crc.getValue();
	}

	@Override
	boolean tryLock(JdbcTemplate jdbc) {
		return Boolean.TRUE
			.equals(jdbc.queryForObject("SELECT pg_try_advisory_lock(?, ?)", Boolean.class, KEY_SPACE, this.key));
	}

	@Override
	void unlock(JdbcTemplate jdbc) {
		jdbc.queryForObject("SELECT pg_advisory_unlock(?, ?)", Boolean.class, KEY_SPACE, this.key);
	}

	@Override
	boolean isHeld(JdbcTemplate jdbc) {
		return Boolean.TRUE.equals(jdbc.queryForObject("""
				SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
				    AND classid = ? AND objid = ? AND objsubid = 2 AND pid = pg_backend_pid())
				""", Boolean.class, toOid(KEY_SPACE), toOid(this.key)));
	}

	@Override
	@Nullable String describeHolder(JdbcTemplate jdbc) {
		List<String> holders = jdbc.query("""
				SELECT 'pid ' || a.pid || ', user ' || coalesce(a.usename, '?')
				    || ', application ''' || coalesce(a.application_name, '') || ''''
				    || ', client ' || coalesce(host(a.client_addr), 'local')
				    || ', connected since ' || to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ')
				FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
				WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ? AND l.objid = ? AND l.objsubid = 2
				""", (rs, row) -> rs.getString(1), toOid(KEY_SPACE), toOid(this.key));
		return holders.isEmpty() ? null : "PostgreSQL session (" + holders.get(0) + ")";
	}

	private static long toOid(int value) {
		return value & 0xFFFFFFFFL;
	}

}
