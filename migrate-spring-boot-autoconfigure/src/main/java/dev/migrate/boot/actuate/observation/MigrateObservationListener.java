package dev.migrate.boot.actuate.observation;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import dev.migrate.MigrationListener;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * {@link MigrationListener} that wraps each migration's {@code up} or {@code down} in an
 * {@link Observation} named {@value #OBSERVATION_NAME}, so traces show the migrations of
 * a start-up or command. The engine calls both callbacks on the thread that runs the
 * migration, which lets the observation be kept per thread.
 *
 * @author migrate
 */
public class MigrateObservationListener implements MigrationListener {

	/** Name of the observation. */
	public static final String OBSERVATION_NAME = "migrate.migration.execution";

	private final ObservationRegistry registry;

	private final ThreadLocal<Deque<Observation.Scope>> scopes = ThreadLocal.withInitial(ArrayDeque::new);

	public MigrateObservationListener(ObservationRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
	}

	@Override
	public void beforeMigration(MigrationRun migration) {
		String direction = migration.direction().name().toLowerCase(Locale.ROOT);
		Observation observation = Observation.createNotStarted(OBSERVATION_NAME, this.registry)
			.contextualName("migrate " + direction + " " + migration.version())
			.lowCardinalityKeyValue("version", migration.version().toString())
			.lowCardinalityKeyValue("direction", direction)
			.highCardinalityKeyValue("description", migration.description())
			.highCardinalityKeyValue("bean", migration.beanName())
			.start();
		this.scopes.get().push(observation.openScope());
	}

	@Override
	public void afterMigration(MigrationRun migration, Duration executionTime, @Nullable Throwable failure) {
		Deque<Observation.Scope> stack = this.scopes.get();
		Observation.Scope scope = stack.poll();
		if (stack.isEmpty()) {
			this.scopes.remove();
		}
		if (scope == null) {
			return;
		}
		Observation observation = scope.getCurrentObservation();
		scope.close();
		observation.lowCardinalityKeyValue("outcome", (failure != null) ? "failure" : "success");
		if (failure != null) {
			observation.error(failure);
		}
		observation.stop();
	}

}
