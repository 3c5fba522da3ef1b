package dev.migrate.boot.autoconfigure;

import java.io.PrintStream;
import java.nio.file.Path;

import dev.migrate.Migrator;
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
		MigrateCommandResult result = new MigrateCommandRunner(migrator, this.target, this.steps, this.planOutput,
				MigratePropertiesVocabulary.INSTANCE)
			.run(this.command);
		exit(result);
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
