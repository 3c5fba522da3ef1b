package dev.migrate.internal.operation;

import java.util.List;

import dev.migrate.Diagnosis;
import dev.migrate.ValidationResult;
import dev.migrate.internal.Engine;
import dev.migrate.internal.MergedMigrations;
import dev.migrate.resolver.ResolvedMigration;

/**
 * Checks the migrations in the code against the history table. Takes no lock and writes
 * nothing.
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
		// Every bean is obtained and checked, as when migrations are given as beans:
		// validate trusts no description read without loading the classes.
		ResolvedMigration.resolveAll(engine.migrations());
		MergedMigrations merged = engine.readMerged();
		List<Diagnosis> problems = merged.validate(engine.settings().outOfOrder(), engine.settings().transactionMode());
		return new ValidationResult(
				problems.stream().map((problem) -> problem.render(engine.settings().vocabulary())).toList(), problems,
				merged.info(engine.history().qualifiedName(), engine.dialect().name()));
	}

}
