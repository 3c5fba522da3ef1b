package dev.migrate.internal.operation;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.MigrateConfigurationException;
import dev.migrate.OperationResult;
import dev.migrate.OperationResult.MigrationExecution;
import dev.migrate.OperationResult.Operation;
import dev.migrate.history.HistoryRow;
import dev.migrate.internal.Engine;
import dev.migrate.internal.MergedMigrations;
import dev.migrate.lock.MigrationLock;
import dev.migrate.resolver.ResolvedMigration;

/**
 * Rolls back the latest applied migration and applies it again.
 */
public final class RedoOperation implements LockedOperation {

	/** The operation: it has no parameters. */
	public static final RedoOperation INSTANCE = new RedoOperation();

	private RedoOperation() {
	}

	/**
	 * Roll back the latest migration and apply it again.
	 * @param engine the engine
	 * @return what was rolled back and applied
	 */
	public OperationResult execute(Engine engine) {
		return LockedRun.change(engine, this, System.nanoTime());
	}

	@Override
	public Operation operation() {
		return Operation.REDO;
	}

	@Override
	public MergedMigrations prepare(Engine engine, MergedMigrations merged) {
		RollbackOperation.checkNoneMissing(merged);
		return merged;
	}

	@Override
	public List<MigrationExecution> run(Engine engine, MergedMigrations merged, MigrationLock.Held lock) {
		List<HistoryRow> candidates = merged.rollbackCandidates();
		if (candidates.isEmpty()) {
			throw new MigrateConfigurationException("Cannot redo: no migration is applied in "
					+ engine.history().qualifiedName() + ". Nothing was changed.");
		}
		List<HistoryRow> latest = candidates.subList(0, 1);
		List<MigrationExecution> executions = new ArrayList<>(RollbackOperation.rollBack(engine, merged, latest, lock));
		// rollBack checked that the migration is in the code. A rollback updates rows and
		// writes none, so the next rank is unchanged.
		ResolvedMigration migration = merged.migration(latest.get(0).version());
		executions.addAll(engine.executor()
			.apply(List.of(migration), merged.nextRank(), engine.readMerged().currentVersion(), lock));
		return executions;
	}

}
