package dev.migrate;

/**
 * A setting of the engine that a message may tell the user to change. Each
 * {@link Vocabulary} names it in its own terms: a {@link Migrator.Builder} method, or a
 * Spring Boot property.
 *
 * @since 0.1.0
 */
public enum Setting {

	/** Schema of the history table. */
	SCHEMA,

	/** Name of the history table. */
	TABLE,

	/** How migrations use transactions. */
	TRANSACTION_MODE,

	/** Whether pending migrations below the latest applied one are applied. */
	OUT_OF_ORDER,

	/** How long to wait for the migration lock. */
	LOCK_TIMEOUT,

	/** Lease of the lock row. */
	LOCK_LEASE,

	/** Version that baseline marks. */
	BASELINE_VERSION,

	/** Whether a schema with tables and no history is baselined before migrating. */
	BASELINE_ON_MIGRATE,

	/** Whether and how checksums of applied migrations are validated. */
	VALIDATE_CHECKSUMS,

	/** The version an operation works up or down to. */
	TARGET,

	/** How many migrations a rollback undoes. */
	STEPS,

	/** The account migrations connect as. */
	USER,

	/** The connection to the database: where it is, and the account. */
	CONNECTION,

	/** How many times the first connection to the database is retried. */
	CONNECT_RETRIES,

	/** Time between two attempts of the first connection. */
	CONNECT_RETRIES_INTERVAL,

	/** What to do with Flyway's history table when migrate's own is empty. */
	FLYWAY_HISTORY,

	/** The tenants to migrate, and how to reach each. */
	TENANTS,

	/** What the migration of all tenants does when one tenant fails. */
	TENANT_FAILURE_POLICY

}
