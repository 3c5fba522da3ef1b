package dev.migrate.dialect;

import java.util.List;

/**
 * Dialect for PostgreSQL: transactional DDL, so a failed migration leaves no trace, and a
 * session advisory lock that dies with its connection.
 *
 * @since 0.1.0
 */
public class PostgresDialect implements Dialect {

	@Override
	public String name() {
		return "PostgreSQL";
	}

	@Override
	public boolean supportsTransactionalDdl() {
		return true;
	}

	@Override
	public String longTextType() {
		return "TEXT";
	}

	@Override
	public int longTextLength() {
		return 100_000;
	}

	@Override
	public List<String> instantColumnsUpgrade(String table, List<String> columns) {
		return List.of("ALTER TABLE " + table + " " + String.join(", ",
				columns.stream().map((column) -> "ALTER COLUMN " + column + " TYPE " + instantType()).toList()));
	}

	@Override
	public SessionLockSupport sessionLockSupport() {
		return SessionLockSupport.ADVISORY_LOCK;
	}

}
