package dev.migrate;

import java.util.List;

import dev.migrate.Diagnosis.Text;

/**
 * Thrown at start-up when {@link Migration @Migration} beans are not well defined: a
 * malformed or duplicate version, a missing or overloaded {@code up} method, an
 * unsupported parameter type. Each problem names the bean. Nothing has been changed in
 * the database.
 *
 * @since 0.1.0
 */
public class MigrationDefinitionException extends MigrateException {

	private final List<String> problems;

	public MigrationDefinitionException(List<String> problems) {
		super(new Diagnosis(
				MigrationValidationException.numbered(
						MigrationValidationException.title("Invalid migration definitions",
								problems.stream().map(Diagnosis::of).toList()),
						problems.stream().map(Diagnosis::of).toList(), Diagnosis::what),
				Text.of("Nothing was changed in the database."),
				Text.of("Fix the @Migration classes named above: one unique version each, one public 'up' method and"
						+ " at most one public 'down' method, with parameters among JdbcTemplate,"
						+ " NamedParameterJdbcTemplate, JdbcOperations, NamedParameterJdbcOperations, JdbcClient,"
						+ " Connection, DataSource and MigrationContext.")),
				null);
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
