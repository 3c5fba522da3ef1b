package dev.migrate;

import java.time.Duration;

import dev.migrate.Diagnosis.Text;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the migration lock could not be taken within the lock timeout, because
 * another instance holds it. Nothing has been changed in the database.
 *
 * @since 0.1.0
 */
public class MigrationLockException extends MigrateException {

	private final Duration timeout;

	private final @Nullable String holder;

	public MigrationLockException(String lockName, Duration timeout, @Nullable String holder) {
		super(new Diagnosis(
				Text.of("Could not take the migration lock '" + lockName + "' within " + timeout.toMillis()
						+ " ms: it is held by "
						+ ((holder != null) ? holder : "another session that could not be identified") + "."),
				Text.of("Nothing was changed in the database."),
				Text.of("Another instance is probably migrating: wait for it and start again, or raise ",
						Remedy.change(Setting.LOCK_TIMEOUT), ". If that holder is dead, end its database session.")),
				null);
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
