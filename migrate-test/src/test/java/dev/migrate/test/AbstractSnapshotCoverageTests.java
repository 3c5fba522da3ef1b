package dev.migrate.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migrate.Migration;
import dev.migrate.test.ReversibilityError.Problem;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the snapshot sees, one category at a time: for each case a wrong {@code down} that
 * leaves something behind, with an {@code up} that can run twice (so that only the
 * snapshot comparison can catch it, not a failing second {@code up}), and the correct
 * {@code down}, which must pass. One subclass per database lists the cases that database
 * has. Each case runs on a fresh, empty database.
 */
abstract class AbstractSnapshotCoverageTests {

	abstract TestDatabase database();

	/**
	 * The cases of this database.
	 */
	abstract List<Case> cases();

	/**
	 * Drop a schema (for MySQL and MariaDB: a database) a case created besides the test's
	 * own, if it is still there.
	 */
	abstract void dropSchema(JdbcTemplate jdbc, String schema);

	/**
	 * The name of the connection's current schema.
	 */
	abstract String currentSchema(JdbcTemplate jdbc);

	@TestFactory
	Stream<DynamicNode> everyCategory() {
		return cases().stream()
			.map((each) -> DynamicContainer.dynamicContainer(each.category() + ": " + each.name(),
					Stream.of(DynamicTest.dynamicTest("wrong down is caught", () -> catches(each)),
							DynamicTest.dynamicTest("correct down passes", () -> passes(each)))));
	}

	private void catches(Case each) {
		onFreshDatabase((dataSource, names) -> {
			ReversibilityVerifier verifier = ReversibilityVerifier.of(dataSource,
					migrations(each.given(), each.givenDown(), each.up(), each.wrongDown(), names));
			ReversibilityError error = null;
			try {
				verifier.verify();
			}
			catch (ReversibilityError ex) {
				error = ex;
			}
			outcome(each, "wrong down", (error == null) ? "missed"
					: (error.getProblem() == Problem.SCHEMA_NOT_RESTORED) ? "caught" : "caught otherwise");
			assertThat(error).as("MISSED: %s on %s: the wrong down passed", each.name(), database()).isNotNull();
			System.out.println(database() + " [" + each.category() + "] " + error.getMessage());
			assertThat(error.getProblem()).as("CAUGHT OTHERWISE: %s", error.getMessage())
				.isEqualTo(Problem.SCHEMA_NOT_RESTORED);
			assertThat(error.getDifferences()).as("CAUGHT OTHERWISE: %s", error.getMessage())
				.anySatisfy((line) -> assertThat(line).contains(names.apply(each.reported())));
		});
	}

	private void passes(Case each) {
		onFreshDatabase((dataSource, names) -> {
			ReversibilityReport report;
			try {
				report = ReversibilityVerifier
					.of(dataSource, migrations(each.given(), each.givenDown(), each.up(), each.down(), names))
					.verify();
				outcome(each, "correct down", "passed");
			}
			catch (ReversibilityError ex) {
				outcome(each, "correct down", "false alarm");
				throw ex;
			}
			assertThat(report.reversibleVersions()).containsExactly("1", "2");
			assertThat(report.notChecked()).as("categories not checked").isEmpty();
		});
	}

	@Test
	void doesNotBlameTheMigrationForSchemasOthersCreateOrDrop() {
		onFreshDatabase((dataSource, names) -> {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			String gone = names.extra() + "_gone";
			try {
				jdbc.execute("CREATE SCHEMA " + gone);
				// Another process, through its own connections, while up runs.
				Runnable others = () -> {
					jdbc.execute("CREATE SCHEMA " + names.extra());
					jdbc.execute("DROP SCHEMA " + gone);
				};
				ReversibilityReport report = ReversibilityVerifier
					.of(dataSource, Map.of("meanwhile", new Meanwhile(others)))
					.verify();
				assertThat(report.reversibleVersions()).containsExactly("1");
			}
			finally {
				dropSchema(jdbc, gone);
			}
		});
	}

	@Test
	void comparesSchemasThatExistedBeforeOnlyWhenNamed() {
		onFreshDatabase((dataSource, names) -> {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			jdbc.execute("CREATE SCHEMA " + names.extra());
			Map<String, Object> migrations = migrations(List.of(), List.of(),
					List.of(names.apply("CREATE TABLE IF NOT EXISTS ${extra}.audit (id INT PRIMARY KEY)")), List.of(),
					names);
			assertThat(ReversibilityVerifier.of(dataSource, migrations).verify().reversibleVersions())
				.as("not named: not compared")
				.containsExactly("1", "2");
			jdbc.execute(names.apply("DROP TABLE ${extra}.audit"));
			ReversibilityError error = null;
			try {
				ReversibilityVerifier.of(dataSource, migrations)
					.historyTable("second_history")
					.schemas(names.extra())
					.verify();
			}
			catch (ReversibilityError ex) {
				error = ex;
			}
			assertThat(error).as("named: compared").isNotNull();
			assertThat(error.getDifferences()).singleElement()
				.satisfies((line) -> assertThat(line).startsWith(names.apply("table ${extra}.audit ("))
					.endsWith(" is still there"));
		});
	}

	/**
	 * Up creates a table while, the first time, something else changes the server's
	 * schemas.
	 */
	@Migration(version = "1", description = "meanwhile")
	public static class Meanwhile {

		private final Runnable others;

		Meanwhile(Runnable others) {
			this.others = others;
		}

		private boolean ran;

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE audit (id INT PRIMARY KEY)");
			if (!this.ran) {
				this.ran = true;
				this.others.run();
			}
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE audit");
		}

	}

	/**
	 * One line per case and outcome, for the coverage table in the README.
	 */
	private void outcome(Case each, String step, String outcome) {
		System.out.println("COVERAGE | " + database() + " | " + each.category() + " | " + each.name() + " | " + step
				+ " | " + outcome);
	}

	private void onFreshDatabase(java.util.function.BiConsumer<DataSource, Names> test) {
		try (TestDatabase.Isolated isolated = database().createIsolated()) {
			JdbcTemplate jdbc = new JdbcTemplate(isolated.dataSource());
			String current = currentSchema(jdbc);
			Names names = new Names(current, current + "_x");
			try {
				test.accept(isolated.dataSource(), names);
			}
			finally {
				dropSchema(jdbc, names.extra());
			}
		}
	}

	private static Map<String, Object> migrations(List<String> given, List<String> givenDown, List<String> up,
			List<String> down, Names names) {
		Map<String, Object> migrations = new LinkedHashMap<>();
		migrations.put("given", new Given(names.apply(given), names.apply(givenDown)));
		migrations.put("change", new Change(names.apply(up), names.apply(down)));
		return migrations;
	}

	/**
	 * The test's own schema and the name for one more, as {@code ${schema}} and
	 * {@code ${extra}} in a case's statements.
	 */
	record Names(String schema, String extra) {

		String apply(String text) {
			return text.replace("${schema}", this.schema).replace("${extra}", this.extra);
		}

		List<String> apply(List<String> statements) {
			return statements.stream().map(this::apply).toList();
		}

	}

	/**
	 * One case: what migration 1 sets up (and its down), what migration 2 changes, its
	 * correct and its wrong down, and what the diff must report for the wrong one.
	 */
	record Case(String category, String name, List<String> given, List<String> givenDown, List<String> up,
			List<String> down, List<String> wrongDown, String reported) {

		static Case of(String category, String name) {
			return new Case(category, name, List.of(), List.of(), List.of(), List.of(), List.of(), "");
		}

		Case given(String... statements) {
			return new Case(this.category, this.name, List.of(statements), this.givenDown, this.up, this.down,
					this.wrongDown, this.reported);
		}

		Case givenDown(String... statements) {
			return new Case(this.category, this.name, this.given, List.of(statements), this.up, this.down,
					this.wrongDown, this.reported);
		}

		Case up(String... statements) {
			return new Case(this.category, this.name, this.given, this.givenDown, List.of(statements), this.down,
					this.wrongDown, this.reported);
		}

		Case down(String... statements) {
			return new Case(this.category, this.name, this.given, this.givenDown, this.up, List.of(statements),
					this.wrongDown, this.reported);
		}

		Case wrongDown(String... statements) {
			return new Case(this.category, this.name, this.given, this.givenDown, this.up, this.down,
					List.of(statements), this.reported);
		}

		Case reports(String line) {
			return new Case(this.category, this.name, this.given, this.givenDown, this.up, this.down, this.wrongDown,
					line);
		}

		@Override
		public String toString() {
			return this.category + ": " + this.name;
		}

	}

	static List<Case> cases(Case... cases) {
		return new ArrayList<>(Arrays.asList(cases));
	}

	static void run(JdbcTemplate jdbc, List<String> statements) {
		statements.forEach(jdbc::execute);
	}

	/** Migration 1: sets up what the case's change works on. */
	@Migration(version = "1", description = "given")
	public static class Given {

		private final List<String> up;

		private final List<String> down;

		Given(List<String> up, List<String> down) {
			this.up = up;
			this.down = down;
		}

		public void up(JdbcTemplate jdbc) {
			run(jdbc, this.up);
		}

		public void down(JdbcTemplate jdbc) {
			run(jdbc, this.down);
		}

	}

	/** Migration 2: the change under test. */
	@Migration(version = "2", description = "change")
	public static class Change {

		private final List<String> up;

		private final List<String> down;

		Change(List<String> up, List<String> down) {
			this.up = up;
			this.down = down;
		}

		public void up(JdbcTemplate jdbc) {
			run(jdbc, this.up);
		}

		public void down(JdbcTemplate jdbc) {
			run(jdbc, this.down);
		}

	}

}
