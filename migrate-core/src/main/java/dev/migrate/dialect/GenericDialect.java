package dev.migrate.dialect;

/**
 * Dialect for a database migrate has no specific support for: standard SQL, DDL assumed
 * not transactional, a lock row for locking. The base of the dialects whose DDL commits
 * implicitly (H2, HSQLDB, MySQL, MariaDB).
 *
 * @since 0.1.0
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

}
