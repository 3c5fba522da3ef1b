package dev.migrate.boot.autoconfigure.command;

/**
 * Ends the application after a {@link MigrateCommand} ran. The default,
 * {@link SystemExitMigrateCommandExitHandler}, exits the JVM with the command's exit
 * code. Define a bean of this type to do otherwise (for example in tests, or when the
 * application is embedded): when the handler returns, start-up is aborted with a
 * {@link MigrateCommandCompletedException} that carries the exit code.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MigrateCommandExitHandler {

	/**
	 * Handle the end of a command; the report has already been printed.
	 * @param result what the command did and its exit code
	 */
	void exit(MigrateCommandResult result);

}
