package dev.migrate.dialect;

/**
 * Dialect for HSQLDB. HSQLDB commits DDL implicitly; locking uses a lock row.
 *
 * @since 0.1.0
 */
public class HsqldbDialect extends GenericDialect {

	public HsqldbDialect() {
		super("HSQLDB");
	}

}
