package dev.migrate.internal.operation;

import dev.migrate.ValidationResult;
import dev.migrate.internal.Engine;
import dev.migrate.internal.MergedMigrations;

/**
 * Checks the migrations in the code against the history table. Takes no lock and writes
 * nothing.
 *
 * @author migrate
 */
public final class ValidateOperation {

	/** The operation: it has no parameters. */
	public static final ValidateOperation INSTANCE = new ValidateOperation();

	private ValidateOperation() {
	}

	/**
	 * Validate.
	 * @param engine the engine
	 * @return the problems found, with the merged view
	 */
	public ValidationResult execute(Engine engine) {
		MergedMigrations merged = engine.readMerged();
		return new ValidationResult(
				merged.validate(engine.settings().outOfOrder(), engine.settings().transactionMode()),
				merged.info(engine.history().qualifiedName(), engine.dialect().name()));
	}

}
