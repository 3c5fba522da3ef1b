package dev.migrate.lock;

import java.time.Duration;

import dev.migrate.MigrationLockException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Base of locks taken by polling a "try lock" until a timeout passes.
 *
 * @author migrate
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
		Runnable release = tryAcquire();
		while (release == null) {
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
			release = tryAcquire();
		}
		Duration waited = Duration.ofNanos(System.nanoTime() - start);
		Runnable releaseAction = release;
		return new Held() {

			@Override
			public Duration waited() {
				return waited;
			}

			@Override
			public void close() {
				releaseAction.run();
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
	 * Name of the lock, for messages.
	 * @return the name
	 */
	abstract String name();

	/**
	 * Try once to take the lock.
	 * @return the action that releases it, or {@code null} if another holds it
	 */
	abstract @Nullable Runnable tryAcquire();

	/**
	 * Describe who holds the lock.
	 * @return the description, or {@code null} if unknown
	 */
	abstract @Nullable String holder();

}
