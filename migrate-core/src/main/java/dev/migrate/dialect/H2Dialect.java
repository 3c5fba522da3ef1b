package dev.migrate.dialect;

/**
 * Dialect for H2. H2 commits DDL implicitly, so a failed migration is recorded rather
 * than rolled back; locking uses a lock row, which works across H2 server clients.
 *
 * @since 0.1.0
 */
public class H2Dialect extends GenericDialect {

	public H2Dialect() {
		super("H2");
	}

	@Override
	public boolean supportsParallelSchemaChanges() {
		return false;
	}

	@Override
	public String longTextType() {
		return "CHARACTER VARYING(4000)";
	}

}
