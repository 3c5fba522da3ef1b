package dev.migrate.internal.operation;

import java.time.Duration;
import java.util.List;

import dev.migrate.Diagnosis;
import dev.migrate.MigrationValidationException;
import dev.migrate.OperationResult;
import dev.migrate.Setting;
import dev.migrate.OperationResult.MigrationExecution;
import dev.migrate.OperationResult.Operation;
import dev.migrate.Version;
import dev.migrate.internal.Engine;
import dev.migrate.internal.EngineSettings;
import dev.migrate.internal.MergedMigrations;
import dev.migrate.internal.MergedMigrations.ChecksumUpdate;
import dev.migrate.lock.MigrationLock;
import dev.migrate.resolver.ResolvedMigration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Applies pending migrations, up to a target. Nothing pending is the common case: it is
 * answered from one read of the history, without the lock and without writing.
 */
public final class MigrateOperation implements LockedOperation {

	private static final Log logger = LogFactory.getLog("dev.migrate.Migrator");

	private final @Nullable Version target;

	/**
	 * Prepare a migrate.
	 * @param migrations the migrations in the code
	 * @param target the highest version to apply, or {@code null} for all
	 */
	public MigrateOperation(List<ResolvedMigration> migrations, @Nullable String target) {
		this.target = Versions.target(migrations, target);
	}

	/**
	 * Apply what is pending.
	 * @param engine the engine
	 * @return what was applied
	 */
	public OperationResult execute(Engine engine) {
		long start = System.nanoTime();
		EngineSettings settings = engine.settings();
		if (!settings.baselineOnMigrate()) {
			MergedMigrations current = engine.merge(engine.history().readForCheck());
			boolean valid = current.validate(settings.outOfOrder(), settings.transactionMode()).isEmpty();
			List<ResolvedMigration> pending = current.pending(this.target, settings.outOfOrder());
			if (valid && !pending.isEmpty()) {
				// Obtain and check the beans to run before the lock is taken or anything
				// is created: one that cannot be created changes nothing.
				ResolvedMigration.resolveAll(pending);
			}
			if (valid && pending.isEmpty() && current.isCurrentFormat() && current.checksumsToRecord().isEmpty()) {
				warn(engine, current);
				logger.info("Schema " + engine.history().qualifiedName() + " is up to date at version "
						+ Versions.display(current.currentVersion()) + " (" + engine.migrations().size()
						+ " migrations)");
				return LockedRun.result(engine, Operation.MIGRATE, List.of(), current.currentVersion(),
						current.currentVersion(), Duration.ZERO, start);
			}
		}
		return LockedRun.change(engine, this, start);
	}

	@Override
	public Operation operation() {
		return Operation.MIGRATE;
	}

	@Override
	public MergedMigrations prepare(Engine engine, MergedMigrations merged) {
		EngineSettings settings = engine.settings();
		MergedMigrations checked = merged;
		if (settings.baselineOnMigrate() && merged.rows().isEmpty() && engine.history().schemaHasOtherTables()) {
			logger.info("The schema holds tables but no migrate history: baselining at version "
					+ settings.baselineVersion() + " (" + settings.vocabulary().setting(Setting.BASELINE_ON_MIGRATE)
					+ ")");
			BaselineOperation.write(engine, merged, settings.baselineVersion(), "baseline on migrate");
			checked = engine.readMerged();
		}
		List<Diagnosis> problems = checked.validate(settings.outOfOrder(), settings.transactionMode());
		if (!problems.isEmpty()) {
			throw new MigrationValidationException(problems);
		}
		warn(engine, checked);
		List<ChecksumUpdate> updates = checked.checksumsToRecord();
		if (updates.isEmpty()) {
			return checked;
		}
		for (ChecksumUpdate update : updates) {
			engine.history().recordChecksum(update.row().installedRank(), update.checksum(), update.classHash());
		}
		long anew = updates.stream().filter((update) -> !update.checksum().equals(update.row().checksum())).count();
		if (anew > 0) {
			logger.info("Recorded the checksums of " + anew
					+ " applied migration(s) with the current algorithm (they were recorded by an older migrate, or by"
					+ " Flyway before migrate took over)");
		}
		return engine.readMerged();
	}

	private static void warn(Engine engine, MergedMigrations merged) {
		for (Diagnosis warning : merged.codeWarnings()) {
			logger.warn(warning.render(engine.settings().vocabulary()));
		}
		for (Diagnosis warning : merged.checksumWarnings()) {
			logger.warn(warning.render(engine.settings().vocabulary()));
		}
	}

	@Override
	public List<MigrationExecution> run(Engine engine, MergedMigrations merged, MigrationLock.Held lock) {
		List<ResolvedMigration> pending = merged.pending(this.target, engine.settings().outOfOrder());
		// Obtain and check every bean to run before the first one runs.
		ResolvedMigration.resolveAll(pending);
		return engine.executor().apply(pending, merged.nextRank(), merged.currentVersion(), lock);
	}

}
