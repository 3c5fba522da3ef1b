package dev.migrate.lock;

import org.jspecify.annotations.Nullable;

/**
 * Judges, from the outside, whether the holder of a lock row is still alive. The holder
 * bumps the row's version with every heartbeat; a watcher that sees the same version for
 * a whole lease, by its own monotonic clock, takes the holder for dead. No clock of the
 * database or of another machine, and no time zone, enters the judgement.
 */
final class LeaseWatch {

	private final long leaseNanos;

	private long seenVersion;

	private long seenSince;

	private boolean seen;

	/**
	 * Create a watch.
	 * @param leaseNanos how long a holder may go without a heartbeat
	 */
	LeaseWatch(long leaseNanos) {
		this.leaseNanos = leaseNanos;
	}

	/**
	 * Whether the row may be taken now.
	 * @param owner the holder, or {@code null} if the row is free
	 * @param version the row's version
	 * @param nowNanos the watcher's {@link System#nanoTime()}
	 * @return {@code true} if free, or if the holder sent no heartbeat for a whole lease
	 * while watched
	 */
	boolean mayTake(@Nullable String owner, long version, long nowNanos) {
		if (owner == null) {
			return true;
		}
		if (!this.seen || version != this.seenVersion) {
			this.seen = true;
			this.seenVersion = version;
			this.seenSince = nowNanos;
			return false;
		}
		return nowNanos - this.seenSince >= this.leaseNanos;
	}

}
