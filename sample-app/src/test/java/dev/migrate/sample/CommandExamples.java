package dev.migrate.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The command examples of {@code docs/commands.md}: every fenced block with lines
 * {@code $ java -jar app.jar <arguments>}, each followed by what the command prints. A
 * command that exits with anything but 0 says so at the end of its line,
 * {@code # exit code 4}.
 * <p>
 * The line before each block names the database state the block starts from, in an HTML
 * comment that readers of the rendered page do not see:
 * {@code <!-- commands-test: applied=2 -->}. Its settings:
 * <ul>
 * <li>{@code applied=<n>} (required): the first n migrations of the sample are applied;
 * {@code applied=0} is an empty database.</li>
 * <li>{@code failed=<version>}: then the latest history row of that version is marked
 * {@code FAILED} with the error {@code simulated}.</li>
 * <li>{@code config=<property>=<value>}: the property is set in a configuration file next
 * to the application (as an operator's {@code application.properties}).</li>
 * <li>{@code database=postgres}: on PostgreSQL instead of H2.</li>
 * <li>{@code jvm}: the commands run in a JVM of their own, for output printed before
 * Spring Boot has set up its logging.</li>
 * </ul>
 * A block without that comment, a comment without a block, and an unknown setting are
 * errors, so that an example cannot be added without saying what it starts from.
 * <p>
 * What legitimately differs from one run to the next is normalized, on both sides, by
 * {@link #normalize(String)}, and nothing else.
 */
final class CommandExamples {

	static final String PROMPT = "$ java -jar app.jar";

	private static final Pattern SETUP = Pattern.compile("^<!--\\s*commands-test:(.*)-->$");

	private static final Pattern EXIT_CODE = Pattern.compile("\\s+# exit code (\\d+)$");

	/** Timings: {@code (923 ms, lock wait 102 ms)} and {@code 53 ms} in a table. */
	private static final Pattern DURATION = Pattern.compile("\\b\\d+ ms\\b");

	/** When a migration was installed or failed: {@code 2026-11-26 03:31:24}. */
	private static final Pattern DATE_TIME = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\b");

	/** The time at the start of a line logged before Spring Boot's logging is set up. */
	private static final Pattern LOG_TIME = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} ");

	private CommandExamples() {
	}

	/**
	 * Read the examples of a document.
	 * @param source the name of the document, for messages
	 * @param markdown its text
	 * @return the examples, in the order of the document
	 * @throws IllegalArgumentException for a block without its setup, a setup without a
	 * block, or a setup or command line the test cannot run
	 */
	static List<Example> parse(String source, String markdown) {
		List<String> lines = markdown.lines().toList();
		List<Example> examples = new ArrayList<>();
		@Nullable Setup pendingSetup = null;
		int setupLine = 0;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			Matcher setup = SETUP.matcher(line);
			if (setup.matches()) {
				if (pendingSetup != null) {
					throw new IllegalArgumentException(source + " line " + setupLine
							+ ": a commands-test comment must come right before the block of the example it sets up");
				}
				pendingSetup = Setup.parse(source + " line " + (i + 1), setup.group(1));
				setupLine = i + 1;
				continue;
			}
			if (!line.startsWith("```")) {
				if (!line.isEmpty() && pendingSetup != null) {
					throw new IllegalArgumentException(source + " line " + setupLine
							+ ": a commands-test comment must come right before the block of the example it sets up");
				}
				continue;
			}
			int opening = i;
			List<String> block = new ArrayList<>();
			for (i++; i < lines.size() && !lines.get(i).strip().startsWith("```"); i++) {
				block.add(lines.get(i));
			}
			boolean example = block.stream().anyMatch((text) -> text.startsWith("$ java -jar"));
			if (example) {
				String where = source + " line " + (opening + 2);
				if (pendingSetup == null) {
					throw new IllegalArgumentException(where + ": the example " + block.get(0).strip()
							+ " does not say which database state it starts from. Put a comment such as"
							+ " <!-- commands-test: applied=2 --> on the line before its block (see CommandExamples).");
				}
				examples.add(Example.parse(where, opening + 2, pendingSetup, block));
			}
			else if (pendingSetup != null) {
				throw new IllegalArgumentException(source + " line " + setupLine
						+ ": the block after this commands-test comment has no $ java -jar app.jar command");
			}
			pendingSetup = null;
		}
		if (pendingSetup != null) {
			throw new IllegalArgumentException(
					source + " line " + setupLine + ": a commands-test comment is not followed by an example");
		}
		return examples;
	}

	/**
	 * Normalize what legitimately differs between runs of the same command, and only
	 * that: durations become {@code <n> ms}, dates with times {@code <date-time>}, the
	 * time that starts a line logged before Spring Boot's logging is set up
	 * {@code <time>}; trailing whitespace of each line and blank lines at the end of the
	 * text are dropped (Markdown editors drop them).
	 * @param text the output of one or more commands
	 * @return the text with those parts replaced
	 */
	static String normalize(String text) {
		return text.lines()
			.map((line) -> LOG_TIME.matcher(line).replaceFirst("<time> "))
			.map((line) -> DATE_TIME.matcher(line).replaceAll("<date-time>"))
			.map((line) -> DURATION.matcher(line).replaceAll("<n> ms"))
			.map(String::stripTrailing)
			.collect(Collectors.joining("\n"))
			.stripTrailing();
	}

	/**
	 * The database state an example starts from.
	 *
	 * @param applied how many of the sample's migrations are applied
	 * @param failed the version whose latest history row is then marked failed, or
	 * {@code null}
	 * @param config properties set in a configuration file next to the application
	 * @param postgres whether the example runs on PostgreSQL
	 * @param jvm whether the commands run in a JVM of their own
	 */
	record Setup(int applied, @Nullable String failed, Map<String, String> config, boolean postgres, boolean jvm) {

		static Setup parse(String where, String settings) {
			Integer applied = null;
			String failed = null;
			Map<String, String> config = new LinkedHashMap<>();
			boolean postgres = false;
			boolean jvm = false;
			for (String setting : settings.strip().split("\\s+")) {
				String[] nameAndValue = setting.split("=", 2);
				String value = (nameAndValue.length == 2) ? nameAndValue[1] : "";
				switch (nameAndValue[0]) {
					case "applied" -> applied = Integer.valueOf(value);
					case "failed" -> failed = value;
					case "config" -> {
						String[] property = value.split("=", 2);
						if (property.length != 2 || property[0].isEmpty()) {
							throw new IllegalArgumentException(
									where + ": write config=<property>=<value>, not " + setting);
						}
						config.put(property[0], property[1]);
					}
					case "database" -> {
						if (!value.equals("postgres")) {
							throw new IllegalArgumentException(where + ": database=postgres is the only database"
									+ " other than the default H2, not " + setting);
						}
						postgres = true;
					}
					case "jvm" -> jvm = true;
					default -> throw new IllegalArgumentException(where + ": unknown commands-test setting '" + setting
							+ "'; known: applied=<n>, failed=<version>, config=<property>=<value>, database=postgres,"
							+ " jvm");
				}
			}
			if (applied == null) {
				throw new IllegalArgumentException(
						where + ": a commands-test comment must say how many migrations are applied (applied=<n>)");
			}
			if (jvm && postgres) {
				throw new IllegalArgumentException(where + ": jvm runs on the sample's own H2 database only");
			}
			return new Setup(applied, failed, Map.copyOf(config), postgres, jvm);
		}

	}

	/**
	 * One fenced block of commands.
	 *
	 * @param where the document and line of its first command
	 * @param line the line of its first command
	 * @param setup the database state it starts from
	 * @param commands its commands, in order
	 */
	record Example(String where, int line, Setup setup, List<Command> commands) {

		static Example parse(String where, int line, Setup setup, List<String> block) {
			if (!block.get(0).startsWith(PROMPT + " ")) {
				throw new IllegalArgumentException(where + ": an example block starts with '" + PROMPT + " '");
			}
			List<Command> commands = new ArrayList<>();
			String commandLine = null;
			List<String> output = new ArrayList<>();
			for (String text : block) {
				if (text.startsWith("$ ")) {
					if (commandLine != null) {
						commands.add(Command.parse(where, commandLine, output));
					}
					commandLine = text;
					output = new ArrayList<>();
				}
				else {
					output.add(text);
				}
			}
			commands.add(Command.parse(where, commandLine, output));
			return new Example(where, line, setup, List.copyOf(commands));
		}

		/**
		 * The block as the document shows it.
		 * @return the commands with their output
		 */
		String expected() {
			return this.commands.stream()
				.map((command) -> command.transcript(command.exitCode(), command.output()))
				.collect(Collectors.joining("\n\n"));
		}

		/**
		 * The block as it would read with what the commands really did.
		 * @param results the exit code and output of each command
		 * @return the commands with their output
		 */
		String actual(List<Result> results) {
			List<String> transcripts = new ArrayList<>();
			for (int i = 0; i < this.commands.size(); i++) {
				Result result = results.get(i);
				transcripts.add(this.commands.get(i).transcript(result.exitCode(), result.output()));
			}
			return String.join("\n\n", transcripts);
		}

		String name() {
			return "line " + this.line + ": "
					+ this.commands.stream()
						.map((command) -> String.join(" ", command.arguments()))
						.collect(Collectors.joining(", then "));
		}

	}

	/**
	 * One command of an example.
	 *
	 * @param arguments its arguments, after {@code java -jar app.jar}
	 * @param exitCode the exit code the document states
	 * @param output what the document shows it prints
	 */
	record Command(List<String> arguments, int exitCode, String output) {

		static Command parse(String where, String line, List<String> output) {
			if (!line.startsWith(PROMPT + " ")) {
				throw new IllegalArgumentException(
						where + ": '" + line + "' is not a command of the sample; write " + PROMPT + " <arguments>");
			}
			String arguments = line.substring(PROMPT.length()).strip();
			int exitCode = 0;
			Matcher exit = EXIT_CODE.matcher(arguments);
			if (exit.find()) {
				exitCode = Integer.parseInt(exit.group(1));
				arguments = arguments.substring(0, exit.start());
			}
			if (arguments.contains("'") || arguments.contains("\"") || arguments.contains("#")) {
				throw new IllegalArgumentException(where + ": '" + line + "': the test splits arguments at spaces only,"
						+ " without quotes; a comment can only be '# exit code <n>'");
			}
			return new Command(Arrays.asList(arguments.split("\\s+")), exitCode,
					String.join("\n", output).stripTrailing());
		}

		String transcript(int exitCode, String output) {
			String line = PROMPT + " " + String.join(" ", this.arguments)
					+ ((exitCode != 0) ? "  # exit code " + exitCode : "");
			return output.isBlank() ? line : line + "\n" + output.stripTrailing();
		}

	}

	/**
	 * What a command did.
	 *
	 * @param exitCode its exit code
	 * @param output what it printed, standard output and error as a terminal shows them
	 */
	record Result(int exitCode, String output) {

	}

}
