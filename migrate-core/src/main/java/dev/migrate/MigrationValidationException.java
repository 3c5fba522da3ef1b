package dev.migrate;

import java.util.List;

/**
 * Thrown when the migrations in the code and the history table disagree: a changed
 * definition of an applied migration, a missing bean, a failed migration, an out-of-order
 * one. Nothing has been changed in the database.
 *
 * @author migrate
 */
public class MigrationValidationException extends MigrateException {

	private final List<String> problems;

	public MigrationValidationException(List<String> problems) {
		super(describe("Validation of migrations failed", problems, "Nothing was changed in the database."));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Each problem found.
	 * @return the problems
	 */
	public List<String> getProblems() {
		return this.problems;
	}

	static String describe(String title, List<String> problems, String closing) {
		StringBuilder message = new StringBuilder(title).append(" (")
			.append(problems.size())
			.append((problems.size() == 1) ? " problem" : " problems")
			.append("):");
		for (String problem : problems) {
			message.append(System.lineSeparator()).append(" - ").append(problem);
		}
		return message.append(System.lineSeparator()).append(closing).toString();
	}

}
