package dev.migrate.lock;

import java.time.Duration;

import dev.migrate.MigrationLockException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Base of locks taken by polling a "try lock" until a timeout passes.
 */
abstract class PollingLock implements MigrationLock {

	private static final Log logger = LogFactory.getLog(MigrationLock.class);

	private static final long MAX_POLL_MILLIS = 500;

	private static final long WAITING_LOG_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

	@Override
	public final Held acquire(Duration timeout) {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		long nextLog = start + WAITING_LOG_INTERVAL_NANOS;
		long pause = 20;
		Attempt attempt = attempt();
		Hold hold = attempt.tryOnce();
		while (hold == null) {
			long now = System.nanoTime();
			if (now - deadline >= 0) {
				throw new MigrationLockException(name(), timeout, holder());
			}
			if (now - nextLog >= 0) {
				logger.info("Waiting for the migration lock '" + name() + "', held by " + holder());
				nextLog = now + WAITING_LOG_INTERVAL_NANOS;
			}
			sleep(Math.min(pause, Math.max(1, (deadline - now) / 1_000_000)));
			pause = Math.min(pause * 2, MAX_POLL_MILLIS);
			hold = attempt.tryOnce();
		}
		Duration waited = Duration.ofNanos(System.nanoTime() - start);
		Hold held = hold;
		return new Held() {

			@Override
			public Duration waited() {
				return waited;
			}

			@Override
			public void verify() {
				held.verify();
			}

			@Override
			public void close() {
				held.release();
			}

		};
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the migration lock", ex);
		}
	}

	/**
	 * Start one {@link #acquire}: the state its tries share. By default each try stands
	 * alone.
	 * @return the attempt
	 */
	Attempt attempt() {
		return this::tryAcquire;
	}

	/**
	 * Name of the lock, for messages.
	 * @return the name
	 */
	abstract String name();

	/**
	 * Try once to take the lock.
	 * @return the lock as held, or {@code null} if another holds it
	 */
	abstract @Nullable Hold tryAcquire();

	/**
	 * Describe who holds the lock.
	 * @return the description, or {@code null} if unknown
	 */
	abstract @Nullable String holder();

	/**
	 * The tries of one {@link #acquire}.
	 */
	@FunctionalInterface
	interface Attempt {

		/**
		 * Try once to take the lock.
		 * @return the lock as held, or {@code null} if another holds it
		 */
		@Nullable Hold tryOnce();

	}

	/**
	 * A lock taken by one try.
	 */
	interface Hold {

		/**
		 * Check that the lock is still held.
		 */
		void verify();

		/**
		 * Release the lock.
		 */
		void release();

	}

}
