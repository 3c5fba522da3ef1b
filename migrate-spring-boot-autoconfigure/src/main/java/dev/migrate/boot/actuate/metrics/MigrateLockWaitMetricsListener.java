package dev.migrate.boot.actuate.metrics;

import java.time.Duration;

import dev.migrate.MigrationListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.util.Assert;

/**
 * {@link MigrationListener} that records the timer {@value #LOCK_WAIT_TIMER}: how long
 * each operation that takes the migration lock to change the database or its history
 * waited for it (a migrate that finds pending migrations, rollback, redo, baseline,
 * repair), tagged with the {@code database} it concerns ({@code primary}, a name of
 * {@code migrate.databases}, or the tenants' name, one for all tenants). A long wait
 * means another instance was migrating.
 * <p>
 * Migration runs themselves are recorded once, by the observation of
 * {@link dev.migrate.boot.actuate.observation.MigrateObservationListener}, not here.
 *
 * @since 0.1.0
 */
public class MigrateLockWaitMetricsListener implements MigrationListener {

	/** Name of the timer of the wait for the migration lock. */
	public static final String LOCK_WAIT_TIMER = "migrate.lock.wait";

	private final MeterRegistry registry;

	private final Timer lockWait;

	/**
	 * Create a listener whose timer is tagged {@code database=primary}.
	 * @param registry the registry
	 */
	public MigrateLockWaitMetricsListener(MeterRegistry registry) {
		this(registry, "primary");
	}

	private MigrateLockWaitMetricsListener(MeterRegistry registry, String database) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
		this.lockWait = Timer.builder(LOCK_WAIT_TIMER)
			.description("Time spent waiting for the migration lock")
			.tag("database", database)
			.register(registry);
	}

	@Override
	public void lockAcquired(Duration waited) {
		this.lockWait.record(waited);
	}

	@Override
	public MigrationListener forDatabase(String database) {
		return new MigrateLockWaitMetricsListener(this.registry, database);
	}

}
