package dev.migrate.dialect;

import java.time.Duration;

import javax.sql.DataSource;

import dev.migrate.lock.MigrationLock;
import dev.migrate.lock.PostgresAdvisoryLock;
import org.jspecify.annotations.Nullable;

/**
 * Dialect for PostgreSQL: transactional DDL, so a failed migration leaves no trace, and a
 * session advisory lock that dies with its connection.
 *
 * @author migrate
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
	public MigrationLock createLock(DataSource dataSource, @Nullable String schema, String historyTable,
			Duration lease) {
		return new PostgresAdvisoryLock(dataSource, schema, historyTable);
	}

}
