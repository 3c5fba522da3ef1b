package dev.migrate.boot.autoconfigure.command;

import java.util.Locale;

import org.springframework.boot.ExitCodeGenerator;

/**
 * Stops the start-up of the application after a {@link MigrateCommand} ran, when the
 * {@link MigrateCommandExitHandler} did not end the JVM. Carries the command's exit code,
 * which {@code SpringApplication} uses as the exit code of the run.
 *
 * @since 0.1.0
 */
public class MigrateCommandCompletedException extends RuntimeException implements ExitCodeGenerator {

	private final MigrateCommandResult result;

	public MigrateCommandCompletedException(MigrateCommandResult result) {
		super("migrate.command=" + ((result.command() != null) ? result.command().name().toLowerCase(Locale.ROOT) : "?")
				+ " finished with exit code " + result.exitCode()
				+ "; the application was not started because a command ran instead."
				+ " Remove migrate.command to start it normally.", result.failure());
		this.result = result;
	}

	/**
	 * What the command did.
	 * @return the result
	 */
	public MigrateCommandResult getResult() {
		return this.result;
	}

	@Override
	public int getExitCode() {
		return this.result.exitCode();
	}

}
