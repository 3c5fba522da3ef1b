package dev.migrate.boot.autoconfigure.command;

import org.jspecify.annotations.Nullable;

/**
 * An operation that {@code migrate.command} runs instead of starting the application.
 *
 * @see MigrateCommandRunner
 * @since 0.1.0
 */
public enum MigrateCommand {

	/**
	 * Apply pending migrations (up to migrate.target, if set) and exit: the Kubernetes
	 * Job or init-container case.
	 */
	MIGRATE,

	/** Print every migration with its state. */
	INFO,

	/** Check the migrations in the code against the history table. */
	VALIDATE,

	/**
	 * Roll back the latest migrate.steps migrations (default 1), or every migration above
	 * migrate.target; not both.
	 */
	ROLLBACK,

	/** Roll back the latest migration and apply it again. */
	REDO,

	/** Record an existing database as being at migrate.baseline-version. */
	BASELINE,

	/**
	 * Clear failed migrations (a failed up then counts as not applied, a failed rollback
	 * as applied again), remove missing ones from the history and align checksums with
	 * the code; with migrate.target, only for that version.
	 */
	REPAIR,

	/**
	 * Print the SQL statements the pending migrations would run (or, with migrate.steps
	 * or a migrate.target below the current version, the down statements of a rollback;
	 * not both), changing neither schema nor history; migrate.plan-output also writes
	 * them to a file.
	 */
	PLAN,

	/**
	 * Write the next migration from the JPA entities: compare the mapping Hibernate built
	 * with the migrated database and write one migration class named by
	 * migrate.generate.name, changing nothing in the database. Refuses while migrations
	 * are pending.
	 */
	GENERATE;

	/**
	 * Whether the command changes the schema or the history: one that does stops at the
	 * first database or tenant that fails; one that only reads goes on to report them
	 * all.
	 * @return {@code true} for migrate, rollback, redo, baseline and repair
	 * @since 0.2.0
	 */
	public boolean changesDatabase() {
		return switch (this) {
			case INFO, VALIDATE, PLAN, GENERATE -> false;
			case MIGRATE, ROLLBACK, REDO, BASELINE, REPAIR -> true;
		};
	}

	/**
	 * The command a {@code migrate.command} value names, read as Spring Boot binds an
	 * enum: in any case, ignoring anything but letters and digits.
	 * @param value the value
	 * @return the command, or {@code null} if the value names none
	 */
	public static @Nullable MigrateCommand of(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String name = lettersAndDigits(value);
		for (MigrateCommand command : values()) {
			if (lettersAndDigits(command.name()).equals(name)) {
				return command;
			}
		}
		return null;
	}

	private static String lettersAndDigits(String text) {
		StringBuilder result = new StringBuilder(text.length());
		text.codePoints()
			.filter(Character::isLetterOrDigit)
			.map(Character::toLowerCase)
			.forEach(result::appendCodePoint);
		return result.toString();
	}

}
