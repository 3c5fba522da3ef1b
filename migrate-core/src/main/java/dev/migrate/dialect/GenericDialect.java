package dev.migrate.dialect;

import java.time.Duration;

import javax.sql.DataSource;

import dev.migrate.lock.MigrationLock;
import dev.migrate.lock.TableLock;
import org.jspecify.annotations.Nullable;

/**
 * Dialect for a database migrate has no specific support for: standard SQL, DDL assumed
 * not transactional, a lock row for locking. The base of the dialects whose DDL commits
 * implicitly (H2, HSQLDB, MySQL, MariaDB).
 *
 * @author migrate
 */
public class GenericDialect implements Dialect {

	private final String name;

	public GenericDialect(String name) {
		this.name = name;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public boolean supportsTransactionalDdl() {
		return false;
	}

	@Override
	public MigrationLock createLock(DataSource dataSource, @Nullable String schema, String historyTable,
			Duration lease) {
		return new TableLock(dataSource, this, schema, historyTable + "_lock", lease);
	}

}
