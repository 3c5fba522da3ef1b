package dev.migrate.lock;

import java.time.Duration;

import dev.migrate.MigrationLockException;
import dev.migrate.MigrationLockLostException;

/**
 * The database-wide lock under which every schema change runs, so that instances starting
 * together apply each migration exactly once.
 *
 * @since 0.1.0
 */
public interface MigrationLock {

	/**
	 * Take the lock, waiting at most the given time.
	 * @param timeout how long to wait for another holder
	 * @return the held lock; close it to release
	 * @throws MigrationLockException if the lock is still held by another after the
	 * timeout
	 */
	Held acquire(Duration timeout);

	/**
	 * A lock that is held until closed.
	 */
	interface Held extends AutoCloseable {

		/**
		 * How long it took to get the lock.
		 * @return the wait
		 */
		Duration waited();

		/**
		 * Check that the lock is still held: call before each migration and before
		 * committing its work.
		 * @throws MigrationLockLostException if the lock may have been lost: its
		 * connection died, or another instance took it over
		 */
		void verify();

		@Override
		void close();

	}

}
