package dev.migrate.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.migrate.boot.autoconfigure.command.MigrateCommandExitHandler;
import dev.migrate.boot.autoconfigure.command.MigrateCommandResult;
import dev.migrate.sample.CommandExamples.Command;
import dev.migrate.sample.CommandExamples.Example;
import dev.migrate.sample.CommandExamples.Result;
import dev.migrate.sample.CommandExamples.Setup;
import dev.migrate.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs every command example of {@code docs/commands.md} against the sample application
 * and compares what it prints, and its exit code, with the example, so that the document
 * and the code cannot drift apart. Each example starts from the database state its
 * {@code <!-- commands-test: ... -->} comment names (see {@link CommandExamples}), on a
 * fresh H2 file database of its own, or a fresh schema of PostgreSQL.
 * <p>
 * The commands run in this JVM, as {@code java -jar app.jar} would run them: the same
 * {@code main} class and arguments, with {@code --spring.main.banner-mode=off
 * --logging.level.root=warn} as the document says, plus the test's database. A
 * {@link MigrateCommandExitHandler} records the exit code, and the output printed until
 * then, where the default handler would end the JVM. An example marked {@code jvm} runs
 * in a JVM of its own, started in the example's directory so that the sample's
 * {@code ./data/sample} is the example's database.
 */
class CommandsDocumentationTests {

	private static final List<String> QUIET = List.of("--spring.main.banner-mode=off", "--logging.level.root=warn");

	@TempDir
	Path directory;

	@TestFactory
	Stream<DynamicTest> everyExampleShowsWhatItsCommandsPrintAndTheirExitCodes() throws IOException {
		Path document = document();
		List<Example> examples = CommandExamples.parse("docs/commands.md",
				Files.readString(document, StandardCharsets.UTF_8));
		assertThat(examples).as("command examples in " + document).isNotEmpty();
		return examples.stream()
			.map((example) -> DynamicTest.dynamicTest(example.name(),
					URI.create(document.toUri() + "?line=" + example.line()), () -> run(example)));
	}

	private void run(Example example) throws Exception {
		Path home = Files.createDirectory(this.directory.resolve("line-" + example.line()));
		try (Database database = database(example.setup(), home)) {
			prepare(example.setup(), database, home);
			List<Result> results = new ArrayList<>();
			for (Command command : example.commands()) {
				results.add(example.setup().jvm() ? launch(home, command.arguments())
						: runHere(database, home, command.arguments()));
			}
			String expected = CommandExamples.normalize(example.expected());
			String actual = example.actual(results);
			assertThat(CommandExamples.normalize(actual)).as(() -> difference(example, expected, actual))
				.isEqualTo(expected);
		}
	}

	private static String difference(Example example, String expected, String actual) {
		List<String> documented = expected.lines().toList();
		List<String> printed = CommandExamples.normalize(actual).lines().toList();
		int line = 0;
		while (line < documented.size() && line < printed.size() && documented.get(line).equals(printed.get(line))) {
			line++;
		}
		return String.format(
				"%s: the block is not what its commands print, first at its line %d (durations, dates and times"
						+ " normalized)%n  document: %s%n  printed:  %s%nThe commands printed:%n%s%n",
				example.where(), line + 1, (line < documented.size()) ? documented.get(line) : "<end of block>",
				(line < printed.size()) ? printed.get(line) : "<end of output>", actual);
	}

	private Database database(Setup setup, Path home) {
		if (setup.postgres()) {
			TestDatabase.Availability availability = TestDatabase.POSTGRES.availability();
			assumeTrue(availability.available(), availability::reason);
			TestDatabase.Isolated schema = TestDatabase.POSTGRES.createIsolated();
			return new Database(schema.url(), schema.user(), schema.password(), schema::close);
		}
		// Where the sample's jdbc:h2:file:./data/sample is when started in that
		// directory.
		return new Database("jdbc:h2:file:" + home.resolve("data").resolve("sample").toAbsolutePath(), "sa", "", () -> {
		});
	}

	private void prepare(Setup setup, Database database, Path home) throws IOException {
		if (setup.applied() > 0) {
			Result migrated = runHere(database, home,
					List.of("--migrate.command=migrate", "--migrate.target=" + setup.applied()));
			assertThat(migrated.exitCode()).as("applying %d migrations first:%n%s", setup.applied(), migrated.output())
				.isZero();
		}
		if (setup.failed() != null) {
			int marked = database.jdbc()
				.update("UPDATE migrate_history SET status = 'FAILED', error_message = 'simulated'"
						+ " WHERE installed_rank = (SELECT MAX(installed_rank) FROM migrate_history WHERE version = ?)",
						setup.failed());
			assertThat(marked).as("history rows of migration %s marked failed", setup.failed()).isOne();
		}
		if (!setup.config().isEmpty()) {
			List<String> properties = setup.config()
				.entrySet()
				.stream()
				.map((property) -> property.getKey() + "=" + property.getValue())
				.toList();
			Files.write(home.resolve("application.properties"), properties, StandardCharsets.UTF_8);
		}
	}

	// In this JVM: the output is what was printed until the exit handler, which would
	// have ended the JVM, was called.
	private Result runHere(Database database, Path home, List<String> arguments) {
		List<String> args = new ArrayList<>(arguments);
		args.addAll(QUIET);
		args.addAll(database.arguments());
		if (Files.exists(home.resolve("application.properties"))) {
			// As ./application.properties next to the jar.
			args.add("--spring.config.additional-location=file:" + home.toAbsolutePath() + "/");
		}
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		RecordingExitHandler exitHandler = new RecordingExitHandler(buffer);
		PrintStream out = System.out;
		PrintStream err = System.err;
		PrintStream terminal = new PrintStream(buffer, true, StandardCharsets.UTF_8);
		Throwable failure = null;
		System.setOut(terminal);
		System.setErr(terminal);
		try {
			new SpringApplicationBuilder(SampleApplication.class).registerShutdownHook(false)
				.initializers(
						(context) -> context.getBeanFactory().registerSingleton("recordingExitHandler", exitHandler))
				.run(args.toArray(String[]::new))
				.close();
		}
		catch (RuntimeException ex) {
			// Expected: a command ends the start-up when the exit handler returns.
			failure = ex;
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
		Result result = exitHandler.result();
		assertThat(result)
			.as("%s did not end through the MigrateCommandExitHandler (mark the example jvm if it fails before the"
					+ " application context exists); failure: %s%noutput:%n%s", String.join(" ", arguments), failure,
					buffer.toString(StandardCharsets.UTF_8))
			.isNotNull();
		return result;
	}

	// In a JVM of its own, as java -jar app.jar in that directory.
	private Result launch(Path home, List<String> arguments) throws Exception {
		Path output = home.resolve("output.txt");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
						"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
						SampleApplication.class.getName()));
		command.addAll(arguments);
		command.addAll(QUIET);
		ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("MIGRATE_") || name.startsWith("SPRING_"));
		Process process = builder.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
			throw new AssertionError("java -jar app.jar " + String.join(" ", arguments) + " did not end in 120 s");
		}
		return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
	}

	private static Path document() {
		// Maven runs the tests in sample-app; an IDE may run them in the repository root.
		for (Path candidate : List.of(Path.of("..", "docs", "commands.md"), Path.of("docs", "commands.md"))) {
			if (Files.isRegularFile(candidate)) {
				return candidate.toAbsolutePath().normalize();
			}
		}
		throw new IllegalStateException("docs/commands.md not found from " + Path.of("").toAbsolutePath());
	}

	/**
	 * The database of one example, and how the commands are pointed at it.
	 */
	private record Database(String url, String user, String password, Runnable drop) implements AutoCloseable {

		List<String> arguments() {
			return List.of("--spring.datasource.url=" + this.url, "--spring.datasource.username=" + this.user,
					"--spring.datasource.password=" + this.password);
		}

		JdbcTemplate jdbc() {
			return new JdbcTemplate(new DriverManagerDataSource(this.url, this.user, this.password));
		}

		@Override
		public void close() {
			this.drop.run();
		}

	}

	/**
	 * Records the exit code, and what was printed, where the default handler would end
	 * the JVM.
	 */
	private static final class RecordingExitHandler implements MigrateCommandExitHandler {

		private final ByteArrayOutputStream terminal;

		private volatile @Nullable Result result;

		RecordingExitHandler(ByteArrayOutputStream terminal) {
			this.terminal = terminal;
		}

		@Override
		public void exit(MigrateCommandResult result) {
			this.result = new Result(result.exitCode(), this.terminal.toString(StandardCharsets.UTF_8));
		}

		@Nullable Result result() {
			return this.result;
		}

	}

}
