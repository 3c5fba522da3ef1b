package dev.migrate.dialect;

/**
 * A lock that a database keeps per session and releases when the session ends, so that a
 * crashed holder never blocks the others.
 *
 * @since 0.1.0
 */
public enum SessionLockSupport {

	/** PostgreSQL's session advisory locks ({@code pg_advisory_lock}). */
	ADVISORY_LOCK,

	/** MySQL and MariaDB named locks ({@code GET_LOCK}). */
	NAMED_LOCK,

	/** No session lock: migrate uses a lock row with a lease. */
	NONE

}
