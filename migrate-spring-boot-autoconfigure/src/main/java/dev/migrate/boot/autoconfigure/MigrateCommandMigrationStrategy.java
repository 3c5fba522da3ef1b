package dev.migrate.boot.autoconfigure;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.migrate.Migrator;
import dev.migrate.boot.autoconfigure.MigrateCommandScope.DatabasePart;
import dev.migrate.boot.autoconfigure.MigrateCommandScope.Part;
import dev.migrate.boot.autoconfigure.MigrateCommandScope.TenantsPart;
import dev.migrate.boot.autoconfigure.command.MigrateCommand;
import dev.migrate.boot.autoconfigure.command.MigrateCommandCompletedException;
import dev.migrate.boot.autoconfigure.command.MigrateCommandExitHandler;
import dev.migrate.boot.autoconfigure.command.MigrateCommandResult;
import dev.migrate.boot.autoconfigure.command.MigrateCommandRunner;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * {@link MigrateMigrationStrategy} of {@code migrate.command}: runs that operation
 * instead of migrating, prints its report in the terms of the {@code migrate.*}
 * properties, and hands over to a {@link MigrateCommandExitHandler}. The rest of the
 * application is not started: when the handler returns, start-up is aborted with a
 * {@link MigrateCommandCompletedException} that carries the exit code.
 *
 * @since 0.1.0
 */
public class MigrateCommandMigrationStrategy implements MigrateMigrationStrategy {

	private final MigrateCommand command;

	private final @Nullable String target;

	private final @Nullable Integer steps;

	private final @Nullable Path planOutput;

	private final MigrateCommandExitHandler exitHandler;

	private PrintStream out = System.out;

	private @Nullable MigrateCommandScope scope;

	/**
	 * Create a strategy.
	 * @param command the command to run
	 * @param target the target version ({@code migrate.target}), or {@code null}
	 * @param steps the number of migrations to roll back or plan the rollback of
	 * ({@code migrate.steps}), or {@code null}
	 * @param planOutput file the plan command also writes its script to
	 * ({@code migrate.plan-output}), or {@code null}
	 * @param exitHandler what ends the application after the command
	 */
	public MigrateCommandMigrationStrategy(MigrateCommand command, @Nullable String target, @Nullable Integer steps,
			@Nullable Path planOutput, MigrateCommandExitHandler exitHandler) {
		Assert.notNull(command, "'command' must not be null");
		Assert.notNull(exitHandler, "'exitHandler' must not be null");
		this.command = command;
		this.target = target;
		this.steps = steps;
		this.planOutput = planOutput;
		this.exitHandler = exitHandler;
	}

	@Override
	public void migrate(Migrator migrator) {
		if (this.command == MigrateCommand.GENERATE) {
			if (this.scope != null && this.scope.isChosen()) {
				exit(new MigrateCommandResult(MigrateCommand.GENERATE, MigrateCommandResult.MISCONFIGURED,
						"Generate did not run: it compares the JPA entities with the primary database, and"
								+ " migrate.database or migrate.tenant chooses another. Clear them. Nothing was written.",
						null));
			}
			if (MigrateGenerateAutoConfiguration.isAvailable(getClass().getClassLoader())) {
				// Runs once the EntityManagerFactory is built; see
				// MigrateGenerateAutoConfiguration.
				return;
			}
			exit(new MigrateCommandResult(MigrateCommand.GENERATE, MigrateCommandResult.MISCONFIGURED,
					"Generate did not run: it compares the JPA entities with the database, but Hibernate and Spring"
							+ " Boot's JPA support are not on the class path. Add spring-boot-starter-data-jpa."
							+ " Nothing was written.",
					null));
		}
		List<Part> parts;
		try {
			parts = (this.scope != null) ? this.scope.parts(migrator) : List.of(new DatabasePart(null, migrator));
		}
		catch (RuntimeException ex) {
			exit(MigrateCommandRunner.failed(this.command, ex, MigratePropertiesVocabulary.INSTANCE));
			return;
		}
		if (parts.size() == 1 && parts.get(0).heading() == null) {
			exit(runner(migrator, this.planOutput).run(this.command));
			return;
		}
		exit(runAll(parts));
	}

	private MigrateCommandRunner runner(Migrator migrator, @Nullable Path planOutput) {
		return new MigrateCommandRunner(migrator, this.target, this.steps, planOutput,
				MigratePropertiesVocabulary.INSTANCE);
	}

	// Each part in turn, its report under its heading. A command that changes databases
	// stops at the first failure, as one database's migrate does at its first failing
	// migration; one that only reads goes on, so that every problem is reported.
	private MigrateCommandResult runAll(List<Part> parts) {
		String title = "migrate " + this.command.name().toLowerCase(Locale.ROOT);
		if (this.planOutput != null
				&& (parts.size() > 1 || parts.get(0) instanceof TenantsPart tenants && tenants.one() == null)) {
			return new MigrateCommandResult(this.command, MigrateCommandResult.MISCONFIGURED,
					title + " did not run: migrate.plan-output=" + this.planOutput
							+ " takes one script, and the command" + " would plan " + headings(parts)
							+ ". Choose one with migrate.database (or migrate.tenant),"
							+ " or clear migrate.plan-output. Nothing was changed.",
					null);
		}
		StringBuilder body = new StringBuilder();
		List<String> done = new ArrayList<>();
		List<String> notRun = new ArrayList<>();
		MigrateCommandResult firstFailure = null;
		for (Part part : parts) {
			String heading = Objects.requireNonNull(part.heading());
			if (firstFailure != null && this.command.changesDatabase()) {
				notRun.add(heading);
				continue;
			}
			MigrateCommandResult result = run(part);
			body.append(System.lineSeparator())
				.append(System.lineSeparator())
				.append("== ")
				.append(capitalized(heading))
				.append(" ==")
				.append(System.lineSeparator())
				.append(result.report());
			if (result.isSuccess()) {
				done.add(heading);
			}
			else if (firstFailure == null) {
				firstFailure = result;
			}
		}
		StringBuilder report = new StringBuilder(title).append(" on ").append(headings(parts)).append(": ");
		if (firstFailure == null) {
			report.append((parts.size() == 1) ? "done." : "done on each.");
		}
		else {
			report.append("FAILED (exit code ").append(firstFailure.exitCode()).append(").");
			report.append(" Succeeded: ").append(done.isEmpty() ? "none" : String.join(", ", done)).append('.');
			if (!notRun.isEmpty()) {
				report.append(" Not run, left as they were (")
					.append(title)
					.append(" stops at the first failure): ")
					.append(String.join(", ", notRun))
					.append('.');
			}
		}
		report.append(body);
		return (firstFailure != null)
				? new MigrateCommandResult(this.command, firstFailure.exitCode(), report.toString(),
						firstFailure.failure())
				: new MigrateCommandResult(this.command, MigrateCommandResult.SUCCESS, report.toString(), null);
	}

	private MigrateCommandResult run(Part part) {
		if (part instanceof DatabasePart database) {
			return runner(database.migrator(), this.planOutput).run(this.command);
		}
		TenantsPart tenants = (TenantsPart) part;
		return new MigrateTenantsCommand(this.command, this.target, this.steps, this.planOutput, tenants.migrator(),
				tenants.one())
			.run();
	}

	private static String headings(List<Part> parts) {
		return parts.stream().map((part) -> Objects.requireNonNull(part.heading())).collect(Collectors.joining(", "));
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	void setScope(MigrateCommandScope scope) {
		this.scope = scope;
	}

	/**
	 * Print a command's report and end the application with its exit code.
	 * @param result the command's result
	 */
	void exit(MigrateCommandResult result) {
		this.out.println(result.report());
		this.out.flush();
		this.exitHandler.exit(result);
		// The handler did not end the JVM: stop the refresh so that nothing else starts
		// (no web server, no ORM validation of a schema that was just rolled back).
		throw new MigrateCommandCompletedException(result);
	}

	/**
	 * The command this strategy runs.
	 * @return the command
	 */
	public MigrateCommand getCommand() {
		return this.command;
	}

	/**
	 * Where the report is printed. Default {@code System.out}.
	 * @param out the stream
	 */
	public void setOut(PrintStream out) {
		Assert.notNull(out, "'out' must not be null");
		this.out = out;
	}

}
