package dev.migrate.sample;

import java.util.List;
import java.util.Map;

import dev.migrate.sample.CommandExamples.Command;
import dev.migrate.sample.CommandExamples.Example;
import dev.migrate.sample.CommandExamples.Result;
import dev.migrate.sample.CommandExamples.Setup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How {@link CommandExamples} reads the examples of docs/commands.md, and that its
 * normalization hides durations, dates and times only.
 */
class CommandExamplesTests {

	private static final String INFO = """
			migrate info: 4 migrations in migrate_history (H2), current version 2, 2 pending
			Version | State   | Description          | Bean               | Installed on        | Installed by | Time
			1       | APPLIED | Create users table   | createUsersTable   | 2026-11-26 03:31:24 | SA           | 53 ms
			2       | APPLIED | Create reports table | createReportsTable | 2026-11-26 03:31:24 | SA           | 28 ms""";

	@Test
	void readsEachCommandWithItsOutputExitCodeAndSetup() {
		List<Example> examples = CommandExamples.parse("doc", """
				# Title

				<!-- commands-test: applied=4 config=migrate.target=3 -->
				```
				$ java -jar app.jar --migrate.command=rollback --migrate.steps=1  # exit code 4
				migrate rollback FAILED (exit code 4): Both ...

				$ java -jar app.jar --migrate.command=rollback --migrate.steps=1 --migrate.target=
				migrate rollback: 1 migration
				```

				```shell
				java -jar app.jar --migrate.command=info
				```
				""");

		assertThat(examples).singleElement().satisfies((example) -> {
			assertThat(example.where()).isEqualTo("doc line 5");
			assertThat(example.setup()).isEqualTo(new Setup(4, null, Map.of("migrate.target", "3"), false, false));
			assertThat(example.commands()).containsExactly(
					new Command(List.of("--migrate.command=rollback", "--migrate.steps=1"), 4,
							"migrate rollback FAILED (exit code 4): Both ..."),
					new Command(List.of("--migrate.command=rollback", "--migrate.steps=1", "--migrate.target="), 0,
							"migrate rollback: 1 migration"));
		});
	}

	@Test
	void theActualBlockShowsTheExitCodeEachCommandReally() {
		Example example = CommandExamples.parse("doc", """
				<!-- commands-test: applied=0 -->
				```
				$ java -jar app.jar --migrate.command=validate
				migrate validate: 1 problem found:
				```
				""").get(0);

		assertThat(example.actual(List.of(new Result(2, "migrate validate: 1 problem found:\n"))))
			.isEqualTo("$ java -jar app.jar --migrate.command=validate  # exit code 2\n"
					+ "migrate validate: 1 problem found:")
			.isNotEqualTo(example.expected());
	}

	@Test
	void aBlockWithoutItsSetupIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandExamples.parse("doc", """
				Some text.

				```
				$ java -jar app.jar --migrate.command=info
				```
				""")).withMessageContaining("doc line 4").withMessageContaining("<!-- commands-test: applied=2 -->");
	}

	@Test
	void aSetupWithoutItsBlockIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandExamples.parse("doc", """
				<!-- commands-test: applied=2 -->
				Some text.

				```
				$ java -jar app.jar --migrate.command=info
				```
				""")).withMessageContaining("doc line 1");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			failed=2                 | applied=<n>
			applied=2 rows=3         | unknown commands-test setting 'rows=3'
			applied=2 database=mysql | database=postgres is the only database
			applied=2 config=x       | write config=<property>=<value>
			""")
	void anIncompleteOrUnknownSetupIsRefused(String settings, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandExamples.parse("doc", """
				<!-- commands-test: %s -->
				```
				$ java -jar app.jar --migrate.command=info
				```
				""".formatted(settings))).withMessageContaining(message);
	}

	@Test
	void aCommandOtherThanTheSampleJarIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandExamples.parse("doc", """
				<!-- commands-test: applied=2 -->
				```
				$ java -jar target/sample-app.jar --migrate.command=info
				```
				""")).withMessageContaining("$ java -jar app.jar");
	}

	@Test
	void normalizationHidesDurationsDatesAndTimes() {
		String otherRun = INFO.replace("2026-11-26 03:31:24", "2027-01-02 23:59:01")
			.replace("53 ms", "1234 ms")
			.replace("28 ms", "2 ms");

		assertThat(CommandExamples.normalize(otherRun)).isEqualTo(CommandExamples.normalize(INFO));
		assertThat(CommandExamples.normalize("05:08:29.310 [main] ERROR Reporter -- \n\n"))
			.isEqualTo(CommandExamples.normalize("23:01:02.003 [main] ERROR Reporter --"));
	}

	@Test
	void normalizationKeepsEverythingElse() {
		Map<String, String> changes = Map.of("current version 2", "current version 3", "2       | APPLIED",
				"2       | PENDING", "| SA ", "| sa ", "Create reports table", "Create report table ",
				"| Bean               | Installed on ", "| Installed on ", "53 ms", "53 s");
		changes.forEach((original, changed) -> {
			String other = INFO.replace(original, changed);

			assertThat(other).as(changed).isNotEqualTo(INFO);
			assertThat(CommandExamples.normalize(other)).as(changed).isNotEqualTo(CommandExamples.normalize(INFO));
		});
	}

	@Test
	void normalizationKeepsLines() {
		assertThat(CommandExamples.normalize(INFO + "\nNothing to do.")).isNotEqualTo(CommandExamples.normalize(INFO));
		assertThat(CommandExamples.normalize(INFO.replace("\n2 ", "\n\n2 ")))
			.isNotEqualTo(CommandExamples.normalize(INFO));
	}

}
