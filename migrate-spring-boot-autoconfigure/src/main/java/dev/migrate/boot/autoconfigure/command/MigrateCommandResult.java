package dev.migrate.boot.autoconfigure.command;

import org.jspecify.annotations.Nullable;

/**
 * Outcome of a {@link MigrateCommand}: the exit code of the process and the report
 * printed for the operator. A command whose configuration is invalid does not run: its
 * outcome is {@link #MISCONFIGURED} with the failure found before it could.
 *
 * @param command the command asked for, or {@code null} when {@code migrate.command}
 * names none (it is misspelt)
 * @param exitCode the exit code: {@link #SUCCESS} or one of the failure codes
 * @param report the readable report
 * @param failure what went wrong, if anything
 * @since 0.1.0
 */
public record MigrateCommandResult(@Nullable MigrateCommand command, int exitCode, String report,
		@Nullable Throwable failure) {

	/** The command did what was asked. */
	public static final int SUCCESS = 0;

	/** A migration failed, or the database could not be used. */
	public static final int FAILED = 1;

	/** The code and the history table disagree (validation problems). */
	public static final int INVALID = 2;

	/** The migration lock was held by another instance for longer than the timeout. */
	public static final int LOCKED = 3;

	/** The configuration or the migration definitions cannot be used. */
	public static final int MISCONFIGURED = 4;

	/**
	 * Whether the command succeeded.
	 * @return {@code true} if the exit code is {@link #SUCCESS}
	 */
	public boolean isSuccess() {
		return this.exitCode == SUCCESS;
	}

}
