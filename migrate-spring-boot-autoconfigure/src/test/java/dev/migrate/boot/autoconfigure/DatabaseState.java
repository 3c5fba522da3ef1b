package dev.migrate.boot.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads a database's real state for assertions: tables, columns and history rows.
 */
final class DatabaseState {

	private final JdbcTemplate jdbc;

	DatabaseState(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	boolean hasTable(String table) {
		try {
			this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
			return true;
		}
		catch (DataAccessException ex) {
			return false;
		}
	}

	boolean hasColumn(String table, String column) {
		try {
			this.jdbc.queryForList("SELECT " + column + " FROM " + table);
			return true;
		}
		catch (DataAccessException ex) {
			return false;
		}
	}

	int count(String table) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
		return (count != null) ? count : 0;
	}

	/**
	 * The history rows as "version:status", in installed order.
	 * @return the rows
	 */
	List<String> history() {
		if (!hasTable("migrate_history")) {
			return List.of();
		}
		return this.jdbc.query("SELECT version, type, status FROM migrate_history ORDER BY installed_rank",
				(rs, rowNum) -> rs.getString("version") + ":"
						+ ("BASELINE".equals(rs.getString("type")) ? "BASELINE" : rs.getString("status")));
	}

	JdbcTemplate jdbc() {
		return this.jdbc;
	}

}
