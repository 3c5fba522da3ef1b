package dev.migrate.boot.autoconfigure;

import dev.migrate.boot.autoconfigure.command.MigrateCommandExitHandler;
import dev.migrate.boot.autoconfigure.command.MigrateCommandResult;
import org.jspecify.annotations.Nullable;

/**
 * Records the result of a command instead of exiting the JVM.
 */
class RecordingExitHandler implements MigrateCommandExitHandler {

	private volatile @Nullable MigrateCommandResult result;

	@Override
	public void exit(MigrateCommandResult result) {
		this.result = result;
	}

	@Nullable MigrateCommandResult result() {
		return this.result;
	}

}
