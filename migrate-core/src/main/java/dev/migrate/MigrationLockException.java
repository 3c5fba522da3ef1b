package dev.migrate;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the migration lock could not be taken within the lock timeout, because
 * another instance holds it. Nothing has been changed in the database.
 *
 * @author migrate
 */
public class MigrationLockException extends MigrateException {

	private final Duration timeout;

	private final @Nullable String holder;

	public MigrationLockException(String lockName, Duration timeout, @Nullable String holder) {
		super("Could not take the migration lock '" + lockName + "' within " + timeout.toMillis()
				+ " ms: it is held by " + ((holder != null) ? holder : "another session that could not be identified")
				+ ". Another instance is probably migrating: wait for it and start again, or raise migrate.lock-timeout."
				+ " If that holder is dead, end its database session; nothing was changed in the database.");
		this.timeout = timeout;
		this.holder = holder;
	}

	/**
	 * How long the lock was waited for.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Who holds the lock, as far as the database tells.
	 * @return a description of the holder, or {@code null} if unknown
	 */
	public @Nullable String getHolder() {
		return this.holder;
	}

}
