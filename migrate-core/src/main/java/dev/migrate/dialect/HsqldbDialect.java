package dev.migrate.dialect;

/**
 * Dialect for HSQLDB. HSQLDB commits DDL implicitly; locking uses a lock row.
 *
 * @author migrate
 */
public class HsqldbDialect extends GenericDialect {

	public HsqldbDialect() {
		super("HSQLDB");
	}

}
