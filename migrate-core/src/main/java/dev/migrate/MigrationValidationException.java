package dev.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.migrate.Diagnosis.Text;

/**
 * Thrown when the migrations in the code and the history table disagree: a changed
 * definition of an applied migration, a missing bean, a failed migration, an out-of-order
 * one. Nothing has been changed in the database.
 *
 * @since 0.1.0
 */
public class MigrationValidationException extends MigrateException {

	private static final String TITLE = "Validation of migrations failed";

	private final List<Diagnosis> problems;

	public MigrationValidationException(List<Diagnosis> problems) {
		super(new Diagnosis(numbered(title(TITLE, problems), problems, MigrationValidationException::whatAndState),
				Text.of("Nothing was changed in the database."),
				numbered("To resolve them:", problems, Diagnosis::resolution)), null);
		this.problems = List.copyOf(problems);
	}

	/**
	 * The message: each problem with what resolves it, in the given vocabulary.
	 * @param vocabulary names of settings and operations
	 * @return the message
	 */
	@Override
	public String getMessage(Vocabulary vocabulary) {
		return new Diagnosis(numbered(title(TITLE, this.problems), this.problems, (problem) -> Text.of(problem)),
				Text.of("Nothing was changed in the database."), Text.EMPTY)
			.render(vocabulary);
	}

	/**
	 * Each problem found, in the vocabulary of {@link #getMessage()}.
	 * @return the problems
	 */
	public List<String> getProblems() {
		return this.problems.stream().map((problem) -> problem.render(getVocabulary())).toList();
	}

	/**
	 * Each problem found, with what resolves it.
	 * @return the problems
	 */
	public List<Diagnosis> getDiagnoses() {
		return this.problems;
	}

	private static Text whatAndState(Diagnosis problem) {
		return problem.stateLeft().isEmpty() ? problem.what() : Text.of(problem.what(), " ", problem.stateLeft());
	}

	static String title(String title, List<Diagnosis> problems) {
		return title + " (" + problems.size() + ((problems.size() == 1) ? " problem" : " problems") + "):";
	}

	/**
	 * A header followed by one numbered line per problem.
	 * @param header the header
	 * @param problems the problems
	 * @param line what to show of each problem
	 * @return the text
	 */
	static Text numbered(String header, List<Diagnosis> problems, Function<Diagnosis, Text> line) {
		List<Object> segments = new ArrayList<>();
		segments.add(header);
		for (int i = 0; i < problems.size(); i++) {
			segments.add(System.lineSeparator() + " " + (i + 1) + ". ");
			segments.add(line.apply(problems.get(i)));
		}
		segments.add(System.lineSeparator());
		return Text.of(segments.toArray());
	}

}
