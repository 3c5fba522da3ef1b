package dev.migrate.internal.operation;

import java.util.List;

import dev.migrate.OperationResult.MigrationExecution;
import dev.migrate.OperationResult.Operation;
import dev.migrate.internal.Engine;
import dev.migrate.internal.MergedMigrations;
import dev.migrate.lock.MigrationLock;

/**
 * An operation that changes the database or its history, run by {@link LockedRun} under
 * the migration lock.
 */
interface LockedOperation {

	/**
	 * Which operation this is, for its result.
	 * @return the operation
	 */
	Operation operation();

	/**
	 * Check the history, or bring it into the state the operation starts from, before the
	 * version the operation starts at is taken.
	 * @param engine the engine
	 * @param merged the code merged with the history as read under the lock
	 * @return the view to run on
	 */
	default MergedMigrations prepare(Engine engine, MergedMigrations merged) {
		return merged;
	}

	/**
	 * Do the work.
	 * @param engine the engine
	 * @param merged the view returned by {@link #prepare}
	 * @param lock the lock held, to verify before each migration and each commit
	 * @return what was done to each migration
	 */
	List<MigrationExecution> run(Engine engine, MergedMigrations merged, MigrationLock.Held lock);

}
