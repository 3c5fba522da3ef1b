package dev.migrate.lock;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the lease of {@link TableLock}: a watcher takes a lock row over only after
 * seeing its version stand still for a whole lease by its own clock, whatever the
 * timestamps in the row say.
 */
class TableLockLeaseTests {

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			free row is taken at once                      | none  | 7 | 0   | none  | 7 | 0  | true
			held row is never taken at first sight         | app-1 | 7 | 0   | none  | 7 | 0  | false
			holder that went quiet: taken after the lease  | app-1 | 7 | 0   | app-1 | 7 | 10 | true
			holder quiet a little less than the lease      | app-1 | 7 | 0   | app-1 | 7 | 9  | false
			holder that sent a heartbeat is alive          | app-1 | 7 | 0   | app-1 | 8 | 30 | false
			new holder starts a new watch                  | app-1 | 7 | 0   | app-2 | 9 | 30 | false
			released meanwhile                             | app-1 | 7 | 0   | none  | 8 | 1  | true
			""")
	void watcherTakesTheRowOnlyAfterAWholeLeaseOfSilence(String scenario, @Nullable String firstOwner,
			long firstVersion, long firstSecond, @Nullable String secondOwner, long secondVersion, long secondSecond,
			boolean mayTake) {
		LeaseWatch watch = new LeaseWatch(10 * SECOND);
		boolean first = watch.mayTake(firstOwner, firstVersion, firstSecond * SECOND);
		if (secondOwner == null && secondSecond == 0) {
			assertThat(first).as(scenario).isEqualTo(mayTake);
			return;
		}
		assertThat(watch.mayTake(secondOwner, secondVersion, secondSecond * SECOND)).as(scenario).isEqualTo(mayTake);
	}

	@ParameterizedTest(name = "watched from {0} s: heartbeat at {1} s, judged at {2} s -> {3}")
	@CsvSource({ "0, 5, 14, false", "0, 5, 15, true", "100, 105, 114, false", "-5, -1, 9, true" })
	void leaseCountsFromTheLastChangeSeen(long start, long heartbeat, long judged, boolean mayTake) {
		LeaseWatch watch = new LeaseWatch(10 * SECOND);
		watch.mayTake("app-1", 1, start * SECOND);
		watch.mayTake("app-1", 2, heartbeat * SECOND);

		assertThat(watch.mayTake("app-1", 2, judged * SECOND)).isEqualTo(mayTake);
	}

}
