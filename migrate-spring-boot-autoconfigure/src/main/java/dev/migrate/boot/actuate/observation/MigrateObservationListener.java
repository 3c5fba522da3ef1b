package dev.migrate.boot.actuate.observation;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import dev.migrate.MigrationListener;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * {@link MigrationListener} that wraps each run of a migration's {@code up} or
 * {@code down} in an {@link Observation}
 * ({@link MigrationObservationDocumentation#MIGRATION}). This is the one record of a
 * migration run: with a {@code MeterRegistry}, Spring Boot's meter observation handler
 * turns it into the timer {@value DefaultMigrationObservationConvention#NAME}; with a
 * tracer, it becomes a span of the start-up or command.
 * <p>
 * The engine calls both callbacks on the thread that runs the migration, so the open
 * observations are kept per thread.
 *
 * @since 0.1.0
 */
public class MigrateObservationListener implements MigrationListener {

	private static final MigrationObservationConvention DEFAULT_CONVENTION = new DefaultMigrationObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable MigrationObservationConvention convention;

	private final String database;

	private final ThreadLocal<Deque<Running>> running = ThreadLocal.withInitial(ArrayDeque::new);

	/**
	 * Create a listener that observes with the default convention, or with a
	 * {@code GlobalObservationConvention} registered with the registry.
	 * @param registry the observation registry
	 */
	public MigrateObservationListener(ObservationRegistry registry) {
		this(registry, null);
	}

	/**
	 * Create a listener that observes with the given convention.
	 * @param registry the observation registry
	 * @param convention the convention, or {@code null} for the default one
	 */
	public MigrateObservationListener(ObservationRegistry registry,
			@Nullable MigrationObservationConvention convention) {
		this(registry, convention, "primary");
	}

	private MigrateObservationListener(ObservationRegistry registry,
			@Nullable MigrationObservationConvention convention, String database) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
		this.convention = convention;
		this.database = database;
	}

	@Override
	public MigrationListener forDatabase(String database) {
		return new MigrateObservationListener(this.registry, this.convention, database);
	}

	@Override
	public void beforeMigration(MigrationRun migration) {
		MigrationObservationContext context = new MigrationObservationContext(migration, this.database);
		Observation observation = MigrationObservationDocumentation.MIGRATION
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		this.running.get().push(new Running(context, observation, observation.openScope()));
	}

	@Override
	public void afterMigration(MigrationRun migration, Duration executionTime, @Nullable Throwable failure) {
		Deque<Running> stack = this.running.get();
		Running run = stack.poll();
		if (stack.isEmpty()) {
			this.running.remove();
		}
		if (run == null) {
			return;
		}
		run.scope().close();
		run.context().finish();
		if (failure != null) {
			run.observation().error(failure);
		}
		run.observation().stop();
	}

	private record Running(MigrationObservationContext context, Observation observation, Observation.Scope scope) {

	}

}
