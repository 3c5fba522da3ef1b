package dev.migrate.boot.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import dev.migrate.MigrateException;
import dev.migrate.Version;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@link MigrateValidateMigrationStrategy} when the database is not ready for
 * the application that starts with {@code migrate.on-startup=validate}: migrations are
 * pending, or failed, missing or changed. Nothing was changed in the database.
 *
 * @since 0.1.0
 */
public class MigrationsNotReadyException extends MigrateException {

	private final String historyTable;

	private final @Nullable Version currentVersion;

	private final List<Version> pending;

	private final List<String> problems;

	/**
	 * Create an exception.
	 * @param historyTable the history table validated
	 * @param currentVersion the version the database is at, or {@code null}
	 * @param pending the pending versions up to the target
	 * @param problems the problems validation found, each rendered with what to do
	 */
	public MigrationsNotReadyException(String historyTable, @Nullable Version currentVersion, List<Version> pending,
			List<String> problems) {
		super(message(historyTable, currentVersion, pending, problems));
		this.historyTable = historyTable;
		this.currentVersion = currentVersion;
		this.pending = List.copyOf(pending);
		this.problems = List.copyOf(problems);
	}

	private static String message(String historyTable, @Nullable Version currentVersion, List<Version> pending,
			List<String> problems) {
		StringBuilder message = new StringBuilder("migrate.on-startup=validate: the database of ").append(historyTable)
			.append(" (at version ")
			.append((currentVersion != null) ? currentVersion : "none")
			.append(") is not ready for this application.");
		if (!pending.isEmpty()) {
			message.append(" ")
				.append(pending.size())
				.append(" migration(s) pending: ")
				.append(pending.stream().map(Version::toString).collect(Collectors.joining(", ")))
				.append('.');
		}
		for (String problem : problems) {
			message.append(System.lineSeparator()).append("- ").append(problem);
		}
		message.append(System.lineSeparator()).append("Nothing was changed in the database.");
		return message.toString();
	}

	/**
	 * The history table that was validated.
	 * @return its qualified name
	 */
	public String getHistoryTable() {
		return this.historyTable;
	}

	/**
	 * The version the database is at.
	 * @return the version, or {@code null} if nothing is applied
	 */
	public @Nullable Version getCurrentVersion() {
		return this.currentVersion;
	}

	/**
	 * The migrations that are pending, up to {@code migrate.target}.
	 * @return their versions
	 */
	public List<Version> getPending() {
		return this.pending;
	}

	/**
	 * The failed, missing, changed or out-of-order migrations validation found.
	 * @return the problems, each with what to do about it
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
