package dev.migrate.boot.autoconfigure.command;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;

/**
 * Stops the start-up of an application asked to run a {@link MigrateCommand} when the
 * command cannot run because its configuration is invalid: a {@code migrate.*} property
 * that does not bind (a misspelt command, steps that are not a number), a setting or a
 * migration definition the engine refuses, or migrate switched off. Its exit code is
 * {@link MigrateCommandResult#MISCONFIGURED}, as for the same problems found while the
 * command runs.
 * <p>
 * Only when a command was asked for: a normal start keeps Spring Boot's exit code. Before
 * throwing it from the refresh, the starter hands the exit code to the
 * {@link MigrateCommandExitHandler}, as for a command's own outcome, because
 * {@link SpringApplication} can lose the exit code of a failed refresh (it publishes an
 * {@code ExitCodeEvent} to the failed context first). Where the handler returns, as in
 * tests, {@link SpringApplication} takes the exit code from this
 * {@link ExitCodeGenerator} (exit-code exception mappers are not consulted once the
 * refresh has failed).
 *
 * @since 0.1.0
 */
public class MigrateCommandConfigurationException extends RuntimeException implements ExitCodeGenerator {

	private final String command;

	private final @Nullable String action;

	/**
	 * Create an exception for a failure found before the command could run.
	 * @param command the value of {@code migrate.command}
	 * @param cause the failure, which says what is wrong
	 */
	public MigrateCommandConfigurationException(String command, Throwable cause) {
		super(message(command) + ": " + cause.getMessage(), cause);
		this.command = command;
		this.action = null;
	}

	/**
	 * Create an exception for a configuration that does not let the command run.
	 * @param command the value of {@code migrate.command}
	 * @param description what is wrong
	 * @param action what to do
	 */
	public MigrateCommandConfigurationException(String command, String description, String action) {
		super(message(command) + ": " + description);
		this.command = command;
		this.action = action;
	}

	private static String message(String command) {
		return "migrate.command=" + command + " did not run (exit code " + MigrateCommandResult.MISCONFIGURED + ")";
	}

	/**
	 * The command that did not run, as given.
	 * @return the value of {@code migrate.command}
	 */
	public String getCommand() {
		return this.command;
	}

	/**
	 * What to do, when the cause does not say it.
	 * @return the action, or {@code null} when the cause describes the failure
	 */
	public @Nullable String getAction() {
		return this.action;
	}

	@Override
	public int getExitCode() {
		return MigrateCommandResult.MISCONFIGURED;
	}

}
