package dev.migrate.tenant;

/**
 * What the migration of all tenants does when one tenant fails.
 *
 * @since 0.2.0
 */
public enum FailurePolicy {

	/**
	 * Start no other tenant after the first failure; the tenants being migrated finish,
	 * the others stay as they are and are reported as not started.
	 */
	STOP,

	/**
	 * Migrate every other tenant, and report each failed one with its error.
	 */
	CONTINUE

}
