package dev.migrate.internal.operation;

import dev.migrate.InfoResult;
import dev.migrate.internal.Engine;

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
		return engine.readMerged().info(engine.history().qualifiedName(), engine.dialect().name());
	}

}
