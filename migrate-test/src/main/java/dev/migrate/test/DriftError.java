package dev.migrate.test;

import java.nio.file.Path;

import dev.migrate.generate.GeneratedMigration;
import dev.migrate.generate.SchemaDifference;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@link DriftCheck#check()} when the migrated database differs from the JPA
 * entities: lists every difference and carries the migration that would close the gap.
 *
 * @since 0.1.0
 */
public class DriftError extends AssertionError {

	private final transient GeneratedMigration proposed;

	DriftError(GeneratedMigration proposed, @Nullable Path written, @Nullable String problem) {
		super(message(proposed, written, problem));
		this.proposed = proposed;
	}

	private static String message(GeneratedMigration proposed, @Nullable Path written, @Nullable String problem) {
		StringBuilder message = new StringBuilder(
				"The JPA entities differ from the schema the migrations create (" + proposed.differences().size()
						+ " difference" + ((proposed.differences().size() == 1) ? "" : "s") + "):");
		for (SchemaDifference difference : proposed.differences()) {
			message.append("\n  - ").append(difference);
		}
		message.append("\nAdd a migration for them, or change the entities back. ");
		if (written != null) {
			message.append("Proposed migration, written to ").append(written.toAbsolutePath()).append(":\n\n");
		}
		else {
			message.append("Proposed migration (could not be written: ").append(problem).append("):\n\n");
		}
		message.append(proposed.source());
		message.append("\nOr generate it into your sources with --migrate.command=generate"
				+ " --migrate.generate.name=<ClassName>.");
		return message.toString();
	}

	/**
	 * The migration that would make the database match the entities.
	 * @return the proposed migration
	 */
	public GeneratedMigration getProposed() {
		return this.proposed;
	}

}
