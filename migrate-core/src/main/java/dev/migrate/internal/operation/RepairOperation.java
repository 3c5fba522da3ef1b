package dev.migrate.internal.operation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.MigrateConfigurationException;
import dev.migrate.MigrationInfo;
import dev.migrate.MigrationState;
import dev.migrate.OperationResult;
import dev.migrate.OperationResult.Action;
import dev.migrate.OperationResult.MigrationExecution;
import dev.migrate.OperationResult.Operation;
import dev.migrate.Remedy;
import dev.migrate.Setting;
import dev.migrate.Version;
import dev.migrate.history.HistoryRow;
import dev.migrate.internal.Advice;
import dev.migrate.internal.Engine;
import dev.migrate.internal.MergedMigrations;
import dev.migrate.lock.MigrationLock;
import dev.migrate.resolver.ResolvedMigration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Clears failed migrations after a manual fix (a failed {@code up} counts as not applied,
 * a failed rollback as applied again), drops missing ones from the history, and aligns
 * checksums and descriptions of applied migrations with the code; for every migration, or
 * for one.
 */
public final class RepairOperation implements LockedOperation {

	/** Repair of every migration. */
	public static final RepairOperation INSTANCE = new RepairOperation(null);

	private final @Nullable Version target;

	private RepairOperation(@Nullable Version target) {
		this.target = target;
	}

	/**
	 * Prepare a repair of one migration.
	 * @param version the version of the migration
	 * @return the operation
	 */
	public static RepairOperation of(String version) {
		return new RepairOperation(Versions.parse(version, "version to repair", Setting.TARGET));
	}

	private static final Log logger = LogFactory.getLog("dev.migrate.Migrator");

	/**
	 * Repair the history.
	 * @param engine the engine
	 * @return what was repaired
	 */
	public OperationResult execute(Engine engine) {
		return LockedRun.change(engine, this, System.nanoTime());
	}

	@Override
	public Operation operation() {
		return Operation.REPAIR;
	}

	@Override
	public List<MigrationExecution> run(Engine engine, MergedMigrations merged, MigrationLock.Held lock) {
		Version version = this.target;
		if (version != null && !merged.isKnown(version)) {
			throw new MigrateConfigurationException(
					new Diagnosis(
							Text.of("Cannot repair migration " + version + " (", Remedy.change(Setting.TARGET),
									"): no migration in the code or the history has that version. Known versions: "
											+ Versions.known(engine.migrations()) + "."),
							Advice.nothingChanged(), Text.EMPTY));
		}
		List<MigrationExecution> executions = new ArrayList<>();
		for (MigrationInfo info : merged.infos()) {
			HistoryRow row = merged.latestRow(info.version());
			if (row == null || (version != null && !info.version().equals(version))) {
				continue;
			}
			HistoryRow.Audit audit = row.audit();
			ResolvedMigration migration = merged.migration(info.version());
			if (info.state() == MigrationState.FAILED && MergedMigrations.isRollbackFailure(row)) {
				// The part of the rollback that ran was undone by hand: applied again.
				engine.history().restoreApplied(row.installedRank());
				executions.add(new MigrationExecution(info.version(), info.description(), info.beanName(),
						Action.RESTORED_APPLIED, Duration.ZERO));
			}
			else if (info.state() == MigrationState.FAILED) {
				engine.history().delete(row.installedRank());
				executions.add(new MigrationExecution(info.version(), info.description(), info.beanName(),
						Action.REMOVED_FAILED, Duration.ZERO));
			}
			else if (info.state() == MigrationState.MISSING) {
				engine.history().delete(row.installedRank());
				executions.add(new MigrationExecution(info.version(), info.description(), info.beanName(),
						Action.REMOVED_MISSING, Duration.ZERO));
			}
			else if (info.state() == MigrationState.APPLIED && migration != null && audit != null
					&& (!migration.checksum().equals(row.checksum())
							|| !migration.description().equals(audit.description())
							|| !migration.beanName().equals(audit.beanName())
							|| !migration.className().equals(audit.className()))) {
				engine.history()
					.realign(row.installedRank(), migration.checksum(), migration.description(), migration.beanName(),
							migration.className(), migration.classHash());
				executions.add(new MigrationExecution(info.version(), migration.description(), migration.beanName(),
						Action.REALIGNED, Duration.ZERO));
			}
		}
		executions.forEach(
				(execution) -> logger.info("Repaired migration " + execution.version() + ": " + execution.action()));
		return executions;
	}

}
