package dev.migrate.internal.operation;

import dev.migrate.InfoResult;
import dev.migrate.internal.Engine;
import dev.migrate.internal.MergedMigrations;
import dev.migrate.resolver.ResolvedMigration;

/**
 * Reports every migration, in the code or the history table, with its state. Takes no
 * lock and writes nothing.
 */
public final class InfoOperation {

	/** The operation: it has no parameters. */
	public static final InfoOperation INSTANCE = new InfoOperation();

	private InfoOperation() {
	}

	/**
	 * Report.
	 * @param engine the engine
	 * @return the migrations with their states
	 */
	public InfoResult execute(Engine engine) {
		MergedMigrations merged = engine.readMerged();
		// Applied migrations stay undescribed beans; the pending ones are checked as a
		// migrate would check them, so that a report does not list one that cannot run.
		ResolvedMigration.resolveAll(merged.pending(null, true));
		return merged.info(engine.history().qualifiedName(), engine.dialect().name());
	}

}
