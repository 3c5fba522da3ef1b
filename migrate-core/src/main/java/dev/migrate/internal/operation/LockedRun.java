package dev.migrate.internal.operation;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.migrate.OperationResult;
import dev.migrate.OperationResult.MigrationExecution;
import dev.migrate.Version;
import dev.migrate.internal.Engine;
import dev.migrate.internal.MergedMigrations;
import dev.migrate.internal.MigrationListeners;
import dev.migrate.lock.MigrationLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The routine every operation that touches the database shares: take the lock, make sure
 * the history table exists, read it, merge it with the code, run the operation, report.
 */
final class LockedRun {

	private static final Log logger = LogFactory.getLog("dev.migrate.Migrator");

	private LockedRun() {
	}

	/**
	 * Run an operation that changes the database or its history.
	 * @param engine the engine
	 * @param operation the operation
	 * @param startNanos when the operation started, for its total time
	 * @return what the operation did
	 */
	static OperationResult change(Engine engine, LockedOperation operation, long startNanos) {
		engine.history().createSchemaIfMissing();
		// Before the lock: a look-up while the lock's and a migration's connections are
		// held would need a third one, and wait for it on a pool of two.
		engine.installedBy();
		try (MigrationLock.Held held = engine.lock().acquire(engine.settings().lockTimeout())) {
			MigrationListeners.notify(engine.settings().listeners(),
					(listener) -> listener.lockAcquired(held.waited()));
			engine.history().createIfMissing();
			engine.history().upgradeFormat();
			FlywayHistoryAdoption.adoptIfPresent(engine);
			MergedMigrations merged = operation.prepare(engine, engine.readMerged());
			Version before = merged.currentVersion();
			List<MigrationExecution> executions = operation.run(engine, merged, held);
			Version after = executions.isEmpty() ? before : engine.readMerged().currentVersion();
			OperationResult result = result(engine, operation.operation(), executions, before, after, held.waited(),
					startNanos);
			logger.info(summary(result));
			return result;
		}
	}

	/**
	 * Run read-only work under the lock, on the history as it is, so that no other
	 * instance changes it meanwhile. Creates nothing: without a history table, there is
	 * nothing to protect.
	 * @param <T> the result type
	 * @param engine the engine
	 * @param work the work
	 * @return its result
	 */
	static <T> T read(Engine engine, Function<MergedMigrations, T> work) {
		if (!engine.history().exists()) {
			// Nothing was ever migrated here, and taking the lock could create its table
			// or
			// schema: work on the empty history without it.
			return work.apply(engine.merge(List.of()));
		}
		try (MigrationLock.Held held = engine.lock().acquire(engine.settings().lockTimeout())) {
			return work.apply(engine.readMerged());
		}
	}

	static OperationResult result(Engine engine, OperationResult.Operation operation,
			List<MigrationExecution> executions, @Nullable Version before, @Nullable Version after, Duration lockWait,
			long startNanos) {
		return new OperationResult(operation, List.copyOf(executions), before, after, lockWait,
				Duration.ofNanos(System.nanoTime() - startNanos), engine.history().qualifiedName());
	}

	private static String summary(OperationResult result) {
		String name = result.operation().name();
		return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT) + " of " + result.historyTable() + ": "
				+ result.executions().size() + " migration(s) in " + result.totalTime().toMillis() + " ms (lock wait "
				+ result.lockWait().toMillis() + " ms); version " + Versions.display(result.versionBefore()) + " -> "
				+ Versions.display(result.versionAfter());
	}

}
