package dev.migrate.lock;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * MySQL and MariaDB named lock ({@code GET_LOCK}), keyed by the history table and its
 * database: named locks are shared by the whole server.
 *
 * @since 0.1.0
 */
public class MySqlNamedLock extends SessionLock {

	private final String lockName;

	/**
	 * Create the lock of a history table.
	 * @param dataSource the data source
	 * @param schema the schema (database) of the history table, or {@code null} for the
	 * current database of the data source's connections
	 * @param historyTable the name of the history table
	 */
	public MySqlNamedLock(DataSource dataSource, @Nullable String schema, String historyTable) {
		this(dataSource,
				lockName((schema != null) ? schema : currentScope(dataSource, Connection::getCatalog), historyTable));
	}

	private MySqlNamedLock(DataSource dataSource, String lockName) {
		super(dataSource, "GET_LOCK('" + lockName + "')");
		this.lockName = lockName;
	}

	private static String lockName(@Nullable String schema, String historyTable) {
		String name = "migrate:" + ((schema != null) ? schema + "." : "") + historyTable;
		if (name.length() <= 64) {
			return name;
		}
		// Lock names are limited to 64 characters: keep them distinct with a hash of the
		// whole.
		CRC32 crc = new CRC32();
		crc.update(name.getBytes(StandardCharsets.UTF_8));
		return name.substring(0, 55) + "#" + HexFormat.of().toHexDigits((int) crc.getValue());
	}

	@Override
	boolean tryLock(JdbcTemplate jdbc) {
		Integer result = jdbc.queryForObject("SELECT GET_LOCK(?, 0)", Integer.class, this.lockName);
		return result != null && result == 1;
	}

	@Override
	void unlock(JdbcTemplate jdbc) {
		jdbc.queryForObject("SELECT RELEASE_LOCK(?)", Integer.class, this.lockName);
	}

	@Override
	boolean isHeld(JdbcTemplate jdbc) {
		Integer held = jdbc.queryForObject("SELECT IS_USED_LOCK(?) = CONNECTION_ID()", Integer.class, this.lockName);
		return held != null && held == 1;
	}

	@Override
	@Nullable String describeHolder(JdbcTemplate jdbc) {
		Long connectionId = jdbc.queryForObject("SELECT IS_USED_LOCK(?)", Long.class, this.lockName);
		if (connectionId == null) {
			return null;
		}
		List<String> holders = jdbc.query(
				"SELECT CONCAT('connection ', ID, ', user ', USER, ', host ', HOST, ', for ', TIME, ' s')"
						+ " FROM information_schema.PROCESSLIST WHERE ID = ?",
				(rs, row) -> rs.getString(1), connectionId);
		return holders.isEmpty() ? "connection " + connectionId : holders.get(0);
	}

}
