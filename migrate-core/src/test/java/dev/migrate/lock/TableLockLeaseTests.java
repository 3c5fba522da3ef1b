package dev.migrate.lock;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the lease of {@link TableLock}: when a lock row may be taken, by the
 * database's clock.
 */
class TableLockLeaseTests {

	@ParameterizedTest(name = "{0}: owner {1}, heartbeat {2}, now {3}, lease {4} -> free {5}")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			released                       | none  | 2026-01-01T10:00:00Z     | 2026-01-01T10:00:05Z     | PT10S | true
			released, never locked         | none  | none                     | 2026-01-01T10:00:05Z     | PT10S | true
			held, no heartbeat recorded    | app-1 | none                     | 2026-01-01T10:00:05Z     | PT10S | true
			heartbeat just now             | app-1 | 2026-01-01T10:00:05Z     | 2026-01-01T10:00:05Z     | PT10S | false
			within the lease               | app-1 | 2026-01-01T10:00:00Z     | 2026-01-01T10:00:05Z     | PT10S | false
			one millisecond before expiry  | app-1 | 2026-01-01T10:00:00Z     | 2026-01-01T10:00:09.999Z | PT10S | false
			exactly at expiry              | app-1 | 2026-01-01T10:00:00Z     | 2026-01-01T10:00:10Z     | PT10S | true
			one millisecond after expiry   | app-1 | 2026-01-01T10:00:00Z     | 2026-01-01T10:00:10.001Z | PT10S | true
			microseconds count             | app-1 | 2026-01-01T10:00:00.000001Z | 2026-01-01T10:00:10Z  | PT10S | false
			holder crashed long ago        | app-1 | 2026-01-01T10:00:00Z     | 2026-01-02T10:00:00Z     | PT10S | true
			long lease                     | app-1 | 2026-01-01T10:00:00Z     | 2026-01-01T10:04:59Z     | PT5M  | false
			long lease ran out             | app-1 | 2026-01-01T10:00:00Z     | 2026-01-01T10:05:00Z     | PT5M  | true
			heartbeat after now (clock set back) | app-1 | 2026-01-01T10:00:30Z | 2026-01-01T10:00:05Z   | PT10S | false
			no lease                       | app-1 | 2026-01-01T10:00:00Z     | 2026-01-01T10:00:00Z     | PT0S  | true
			across midnight                | app-1 | 2026-12-31T23:59:55Z     | 2027-01-01T00:00:04Z     | PT10S | false
			""")
	void rowIsFreeWhenReleasedOrItsLeaseRanOut(String scenario, @Nullable String owner, @Nullable String heartbeatAt,
			String now, Duration lease, boolean free) {
		assertThat(TableLock.isFree(owner, timestamp(heartbeatAt), timestamp(now), lease)).as(scenario).isEqualTo(free);
	}

	private static @Nullable Timestamp timestamp(@Nullable String instant) {
		return (instant != null) ? Timestamp.from(Instant.parse(instant)) : null;
	}

}
