package dev.migrate.boot.actuate.metrics;

import java.time.Duration;
import java.util.Locale;

import dev.migrate.MigrationListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * {@link MigrationListener} that records Micrometer timers: {@value #MIGRATION_TIMER} for
 * each migration run (tags {@code version}, {@code direction} and {@code outcome}) and
 * {@value #LOCK_WAIT_TIMER} for the time spent waiting for the migration lock.
 *
 * @author migrate
 */
public class MigrateMetricsListener implements MigrationListener {

	/** Name of the timer of migration runs. */
	public static final String MIGRATION_TIMER = "migrate.migration";

	/** Name of the timer of the wait for the migration lock. */
	public static final String LOCK_WAIT_TIMER = "migrate.lock.wait";

	private final MeterRegistry registry;

	public MigrateMetricsListener(MeterRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
	}

	@Override
	public void lockAcquired(Duration waited) {
		Timer.builder(LOCK_WAIT_TIMER)
			.description("Time spent waiting for the migration lock")
			.register(this.registry)
			.record(waited);
	}

	@Override
	public void afterMigration(MigrationRun migration, Duration executionTime, @Nullable Throwable failure) {
		Timer.builder(MIGRATION_TIMER)
			.description("Time taken by a migration's up or down method")
			.tag("version", migration.version().toString())
			.tag("direction", migration.direction().name().toLowerCase(Locale.ROOT))
			.tag("outcome", (failure != null) ? "failure" : "success")
			.register(this.registry)
			.record(executionTime);
	}

}
