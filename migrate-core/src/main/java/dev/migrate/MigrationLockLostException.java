package dev.migrate;

import dev.migrate.Diagnosis.Text;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the instance that holds the migration lock finds that it may have lost it:
 * its connection died, or another instance took the lock over. Migrate stops before the
 * next migration, or before committing the work of the current one, so that no two
 * instances apply the same migration; the message says which migration and the state
 * left.
 *
 * @since 0.1.0
 */
public class MigrationLockLostException extends MigrateException {

	private final String lockName;

	/**
	 * Create an exception from the lock's point of view.
	 * @param lockName the name of the lock
	 * @param reason why the lock is lost, a sentence
	 * @param cause what the database said, if anything
	 */
	public MigrationLockLostException(String lockName, String reason, @Nullable Throwable cause) {
		this(lockName, new Diagnosis(Text.of("The migration lock '" + lockName + "' was lost: " + reason), Text.EMPTY,
				Text.EMPTY), cause);
	}

	/**
	 * Create an exception that says what the loss means for a migration.
	 * @param lockName the name of the lock
	 * @param diagnosis what happened, the state left and what to do
	 * @param cause the loss as the lock reported it
	 */
	public MigrationLockLostException(String lockName, Diagnosis diagnosis, @Nullable Throwable cause) {
		super(diagnosis, cause);
		this.lockName = lockName;
	}

	/**
	 * Name of the lock that was lost.
	 * @return the name
	 */
	public String getLockName() {
		return this.lockName;
	}

}
