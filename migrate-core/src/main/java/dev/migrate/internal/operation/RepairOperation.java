package dev.migrate.internal.operation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.MigrationInfo;
import dev.migrate.MigrationState;
import dev.migrate.OperationResult;
import dev.migrate.OperationResult.Action;
import dev.migrate.OperationResult.MigrationExecution;
import dev.migrate.OperationResult.Operation;
import dev.migrate.history.HistoryRow;
import dev.migrate.internal.Engine;
import dev.migrate.internal.MergedMigrations;
import dev.migrate.resolver.ResolvedMigration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Clears failed migrations after a manual fix, drops missing ones from the history, and
 * aligns checksums and descriptions of applied migrations with the code.
 *
 * @author migrate
 */
public final class RepairOperation implements LockedOperation {

	/** The operation: it has no parameters. */
	public static final RepairOperation INSTANCE = new RepairOperation();

	private RepairOperation() {
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
	public List<MigrationExecution> run(Engine engine, MergedMigrations merged) {
		List<MigrationExecution> executions = new ArrayList<>();
		for (MigrationInfo info : merged.infos()) {
			HistoryRow row = merged.latestRow(info.version());
			if (row == null) {
				continue;
			}
			HistoryRow.Audit audit = row.audit();
			ResolvedMigration migration = merged.migration(info.version());
			if (info.state() == MigrationState.FAILED) {
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
							|| !migration.beanClass().getName().equals(audit.className()))) {
				engine.history()
					.realign(row.installedRank(), migration.checksum(), migration.description(), migration.beanName(),
							migration.beanClass().getName());
				executions.add(new MigrationExecution(info.version(), migration.description(), migration.beanName(),
						Action.REALIGNED, Duration.ZERO));
			}
		}
		executions.forEach(
				(execution) -> logger.info("Repaired migration " + execution.version() + ": " + execution.action()));
		return executions;
	}

}
