package dev.migrate;

import java.util.List;

/**
 * Thrown at start-up when {@link Migration @Migration} beans are not well defined: a
 * malformed or duplicate version, a missing or overloaded {@code up} method, an
 * unsupported parameter type. Each problem names the bean. Nothing has been changed in
 * the database.
 *
 * @author migrate
 */
public class MigrationDefinitionException extends MigrateException {

	private final List<String> problems;

	public MigrationDefinitionException(List<String> problems) {
		super(MigrationValidationException.describe("Invalid migration definitions", problems,
				"Fix the migration classes named above; nothing was changed in the database."));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Each problem found, one per migration.
	 * @return the problems
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
