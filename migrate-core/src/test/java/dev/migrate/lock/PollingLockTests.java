package dev.migrate.lock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migrate.MigrationLockException;
import dev.migrate.lock.MigrationLock.Held;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link PollingLock}: waiting for a lock held by another, with an in-memory
 * lock that is free after a number of tries. Timing is only bounded from below (a pause
 * is never shorter than asked), so a loaded machine makes the tests slower, not flaky.
 */
class PollingLockTests {

	private static final Duration LONG_TIMEOUT = Duration.ofSeconds(10);

	@Test
	void acquiresAFreeLockAtOnce() {
		InMemoryLock lock = new InMemoryLock(0, "instance-b");

		try (Held held = lock.acquire(LONG_TIMEOUT)) {
			assertThat(lock.tries()).isEqualTo(1);
			assertThat(held.waited()).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(LONG_TIMEOUT);
			assertThat(lock.releases).hasValue(0);
		}
		assertThat(lock.releases).hasValue(1);
	}

	@ParameterizedTest(name = "busy for {0} tries: waits at least {1} ms")
	@CsvSource({ "1, 20", "2, 60", "3, 140", "4, 300" })
	void acquiresOnceTheHolderLetsGoAndReportsTheWait(int busyTries, long minimumWaitMillis) {
		InMemoryLock lock = new InMemoryLock(busyTries, "instance-b");

		try (Held held = lock.acquire(LONG_TIMEOUT)) {
			assertThat(lock.tries()).isEqualTo(busyTries + 1);
			assertThat(held.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(minimumWaitMillis))
				.isLessThan(LONG_TIMEOUT);
			assertThat(lock.releases).hasValue(0);
		}
		assertThat(lock.releases).hasValue(1);
	}

	@Test
	void givesUpAfterTheTimeoutNamingTheLockAndItsHolder() {
		InMemoryLock lock = new InMemoryLock(Integer.MAX_VALUE, "instance-b (pid 4711)");
		Duration timeout = Duration.ofMillis(300);
		long start = System.nanoTime();

		assertThatExceptionOfType(MigrationLockException.class).isThrownBy(() -> lock.acquire(timeout))
			.withMessageContaining("in-memory lock")
			.withMessageContaining("instance-b (pid 4711)")
			.satisfies((ex) -> {
				assertThat(ex.getHolder()).isEqualTo("instance-b (pid 4711)");
				assertThat(ex.getTimeout()).isEqualTo(timeout);
			});
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(timeout);
		// Pauses of 20, 40, 80 and 160 ms fill the 300 ms: about five tries.
		assertThat(lock.tries()).isBetween(2, 8);
		assertThat(lock.releases).hasValue(0);
	}

	@Test
	void givesUpWithoutAHolderWhenTheDatabaseDoesNotTell() {
		InMemoryLock lock = new InMemoryLock(Integer.MAX_VALUE, null);

		assertThatExceptionOfType(MigrationLockException.class).isThrownBy(() -> lock.acquire(Duration.ofMillis(50)))
			.withMessageContaining("in-memory lock")
			.satisfies((ex) -> assertThat(ex.getHolder()).isNull());
	}

	@Test
	void backsOffBetweenTries() {
		InMemoryLock lock = new InMemoryLock(Integer.MAX_VALUE, "instance-b");

		assertThatExceptionOfType(MigrationLockException.class).isThrownBy(() -> lock.acquire(Duration.ofMillis(1200)));

		// Pauses double from 20 ms (at most 500 ms): tries at about 0, 20, 60, 140, 300,
		// 620, 1120 and 1200 ms. Polling every 20 ms would try 60 times.
		assertThat(lock.tries()).isBetween(3, 11);
		List<Long> gaps = lock.gapsMillis();
		long[] minimumGaps = { 20, 40, 80, 160 };
		for (int i = 0; i < Math.min(minimumGaps.length, gaps.size() - 1); i++) {
			// One millisecond of slack for the sleep's rounding against nanoTime.
			assertThat(gaps.get(i)).as("pause %d", i + 1).isGreaterThanOrEqualTo(minimumGaps[i] - 1);
		}
	}

	@Test
	void withoutATimeoutTriesOnce() {
		InMemoryLock busy = new InMemoryLock(Integer.MAX_VALUE, "instance-b");
		InMemoryLock free = new InMemoryLock(0, "instance-b");

		assertThatExceptionOfType(MigrationLockException.class).isThrownBy(() -> busy.acquire(Duration.ZERO));
		assertThat(busy.tries()).isEqualTo(1);
		try (Held held = free.acquire(Duration.ZERO)) {
			assertThat(free.tries()).isEqualTo(1);
		}
	}

	@Test
	void stopsWaitingWhenInterruptedAndKeepsTheInterrupt() {
		InMemoryLock lock = new InMemoryLock(Integer.MAX_VALUE, "instance-b");
		Thread.currentThread().interrupt();
		try {
			assertThatIllegalStateException().isThrownBy(() -> lock.acquire(LONG_TIMEOUT))
				.withMessageContaining("Interrupted");
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
			assertThat(lock.tries()).isEqualTo(1);
		}
		finally {
			Thread.interrupted();
		}
	}

	/**
	 * A lock held by another for a number of tries, then free.
	 */
	static final class InMemoryLock extends PollingLock {

		private final int busyTries;

		private final @Nullable String holder;

		private final List<Long> tryNanos = Collections.synchronizedList(new ArrayList<>());

		final AtomicInteger releases = new AtomicInteger();

		InMemoryLock(int busyTries, @Nullable String holder) {
			this.busyTries = busyTries;
			this.holder = holder;
		}

		@Override
		String name() {
			return "in-memory lock";
		}

		@Override
		@Nullable Hold tryAcquire() {
			this.tryNanos.add(System.nanoTime());
			if (this.tryNanos.size() <= this.busyTries) {
				return null;
			}
			return new Hold() {

				@Override
				public void verify() {
				}

				@Override
				public void release() {
					InMemoryLock.this.releases.incrementAndGet();
				}

			};
		}

		@Override
		@Nullable String holder() {
			return this.holder;
		}

		int tries() {
			return this.tryNanos.size();
		}

		List<Long> gapsMillis() {
			List<Long> gaps = new ArrayList<>();
			for (int i = 1; i < this.tryNanos.size(); i++) {
				gaps.add(Duration.ofNanos(this.tryNanos.get(i) - this.tryNanos.get(i - 1)).toMillis());
			}
			return gaps;
		}

	}

}
