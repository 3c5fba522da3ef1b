package dev.migrate.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@link ReversibilityVerifier#verify()} when a migration is not reversible:
 * its {@code down} did not restore the schema (or the rows) from before its {@code up},
 * its second {@code up} produced something else than the first, it has no {@code down}
 * and was not allowed to be irreversible, or it failed to run. An {@link AssertionError},
 * so test frameworks report it as a failed test. The message names the migration and
 * lists the differences, one per line.
 *
 * @since 0.1.0
 */
public class ReversibilityError extends AssertionError {

	private final Problem problem;

	private final String version;

	private final String beanName;

	private final List<String> differences;

	ReversibilityError(String message, Problem problem, String version, String beanName, List<String> differences,
			@Nullable Throwable cause) {
		super(message, cause);
		this.problem = problem;
		this.version = version;
		this.beanName = beanName;
		this.differences = List.copyOf(differences);
	}

	/**
	 * What went wrong.
	 * @return the problem
	 */
	public Problem getProblem() {
		return this.problem;
	}

	/**
	 * Version of the (first) migration at fault.
	 * @return the version
	 */
	public String getVersion() {
		return this.version;
	}

	/**
	 * Bean name of the (first) migration at fault.
	 * @return the bean name
	 */
	public String getBeanName() {
		return this.beanName;
	}

	/**
	 * The differences found, one readable line each, such as
	 * {@code index users_email_idx on users(email) is still there}; empty for problems
	 * other than differences.
	 * @return the differences
	 */
	public List<String> getDifferences() {
		return this.differences;
	}

	/**
	 * What the verifier found wrong with a migration.
	 */
	public enum Problem {

		/**
		 * After {@code up} then {@code down}, the schema differs from before {@code up}.
		 */
		SCHEMA_NOT_RESTORED,

		/**
		 * After {@code up} then {@code down}, rows of a checked table differ from before
		 * {@code up}.
		 */
		ROWS_NOT_RESTORED,

		/**
		 * After {@code up}, {@code down} and {@code up} again, the schema or the rows of
		 * a checked table differ from after the first {@code up}.
		 */
		SECOND_UP_DIFFERS,

		/**
		 * The migration has no {@code down} method and was not allowed to be
		 * irreversible.
		 */
		IRREVERSIBLE,

		/** The migration's {@code up} or {@code down} threw an exception. */
		MIGRATION_FAILED

	}

}
