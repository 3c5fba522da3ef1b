package dev.migrate.schema;

import org.jspecify.annotations.Nullable;

/**
 * One object of a {@link SchemaSnapshot}: a table, a column, a constraint, an index, a
 * trigger, a routine, a type, a comment, a grant and so on, described the way a diff
 * shows it, for example {@code column reports.approved BOOLEAN NOT NULL DEFAULT false} or
 * {@code index users_email_idx on users(email)}.
 *
 * <p>
 * Objects of two snapshots are paired by {@link #identity()}; a pair whose
 * {@link #definition()} differs has changed. Names the database generates anew each time
 * an object is created (H2's {@code CONSTRAINT_4D}) are left out of both, so that an
 * unnamed constraint that is dropped and created again counts as the same.
 *
 * @param kind what kind of object this is
 * @param table the table the object belongs to, or {@code null} for objects of their own
 * (sequences, views, routines, types, schemas)
 * @param identity what pairs this object with its counterpart in another snapshot
 * @param label the kind and name, such as {@code "column users.email"}
 * @param definition the rest of the description, such as {@code "VARCHAR(100) NOT NULL"};
 * empty for tables
 * @since 0.1.0
 */
public record SchemaObject(Kind kind, @Nullable String table, String identity, String label, String definition) {

	/**
	 * The description a diff shows: label and definition.
	 * @return the description
	 */
	public String description() {
		return this.definition.isEmpty() ? this.label : this.label + " " + this.definition;
	}

	@Override
	public String toString() {
		return description();
	}

	/**
	 * Kinds of schema objects, in the order a snapshot lists them per table.
	 */
	public enum Kind {

		/**
		 * A table, with the options that change its behaviour (engine, collation,
		 * partitioning, {@code UNLOGGED}, row-level security).
		 */
		TABLE,

		/**
		 * A column of a table: type, size, nullability and default, and what the database
		 * keeps beside them (identity options, generated expression, {@code ON UPDATE},
		 * character set and collation, visibility).
		 */
		COLUMN,

		/** The primary key of a table. */
		PRIMARY_KEY,

		/** A foreign key with its update and delete actions. */
		FOREIGN_KEY,

		/** A unique constraint. */
		UNIQUE_CONSTRAINT,

		/** A check constraint, where the database exposes them. */
		CHECK_CONSTRAINT,

		/**
		 * An index that does not merely back a primary key or unique constraint: columns,
		 * order and uniqueness, and its method and options where the database has them.
		 */
		INDEX,

		/** A trigger: table, timing, events and what it runs. */
		TRIGGER,

		/** A row-level security policy (PostgreSQL). */
		POLICY,

		/**
		 * A privilege granted beyond, or revoked from, what the database gives by default
		 * (PostgreSQL).
		 */
		GRANT,

		/** A comment on a table, column, view, index, type or routine. */
		COMMENT,

		/** A sequence, with its start, increment, bounds and cycling. */
		SEQUENCE,

		/** A view, with its definition as the database reports it. */
		VIEW,

		/** A materialized view, with its definition (PostgreSQL). */
		MATERIALIZED_VIEW,

		/**
		 * A function, procedure or (MariaDB, MySQL) event: signature and normalized body.
		 */
		ROUTINE,

		/** A user-defined type: enum, domain, composite or range. */
		TYPE,

		/** An extension (PostgreSQL). */
		EXTENSION,

		/** A schema (for MySQL and MariaDB: a database) other than the compared one. */
		SCHEMA

	}

}
