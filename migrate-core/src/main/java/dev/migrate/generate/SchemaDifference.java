package dev.migrate.generate;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One way in which the JPA entities and the migrated database differ, with the statements
 * that bring the database to the entities ({@code up}) and those that undo them
 * ({@code down}, in the order they run).
 *
 * @param kind what changed
 * @param description what changed, for a person, such as
 * {@code "new column users.display_name"}
 * @param up the statements that make the database match the entities
 * @param down the statements that undo {@code up}, in the order they run
 * @param dataLoss whether {@code up} (or, for a widening, its undoing) loses data: such
 * statements are written commented out until a person decides
 * @param note what a reviewer should know (a rename that may be meant, a statement that
 * fails on a table with rows), or {@code null}
 * @since 0.1.0
 */
public record SchemaDifference(Kind kind, String description, List<String> up, List<String> down, boolean dataLoss,
		@Nullable String note) {

	public SchemaDifference {
		up = List.copyOf(up);
		down = List.copyOf(down);
	}

	/**
	 * Whether the generator can write statements for this difference; when not, it writes
	 * the note as a comment and warns.
	 * @return {@code false} for {@link Kind#UNSUPPORTED}
	 */
	public boolean isSupported() {
		return this.kind != Kind.UNSUPPORTED;
	}

	@Override
	public String toString() {
		return this.description + (this.dataLoss ? " (data loss)" : "");
	}

	/**
	 * Kinds of differences, in the order their {@code up} statements run.
	 */
	public enum Kind {

		/** A sequence the entities use and the database lacks. */
		NEW_SEQUENCE,

		/**
		 * A table (of an entity, a join table or a collection table) the database lacks.
		 */
		NEW_TABLE,

		/** A column the database lacks. */
		NEW_COLUMN,

		/** A column whose type, length, precision, scale or nullability differs. */
		CHANGED_COLUMN,

		/** A foreign key the database has and the entities do not. */
		REMOVED_FOREIGN_KEY,

		/** A unique constraint the database has and the entities do not. */
		REMOVED_UNIQUE_CONSTRAINT,

		/** An index the database has and the entities do not. */
		REMOVED_INDEX,

		/** A unique constraint the database lacks. */
		NEW_UNIQUE_CONSTRAINT,

		/** An index the database lacks. */
		NEW_INDEX,

		/** A foreign key the database lacks. */
		NEW_FOREIGN_KEY,

		/** A column the database has and the entities do not. */
		REMOVED_COLUMN,

		/** A table the database has and the entities do not. */
		REMOVED_TABLE,

		/** A sequence the database has and the entities do not. */
		REMOVED_SEQUENCE,

		/** A difference the generator cannot write statements for. */
		UNSUPPORTED

	}

}
