package dev.migrate.boot.autoconfigure.command;

/**
 * {@link MigrateCommandExitHandler} that exits the JVM with the command's exit code, as a
 * Kubernetes Job or an operator's shell expects. Spring's shutdown hook closes the
 * application context that was being started.
 *
 * @since 0.1.0
 */
public class SystemExitMigrateCommandExitHandler implements MigrateCommandExitHandler {

	@Override
	public void exit(MigrateCommandResult result) {
		System.out.flush();
		System.exit(result.exitCode());
	}

}
