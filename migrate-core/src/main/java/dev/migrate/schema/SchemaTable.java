package dev.migrate.schema;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One table of a {@link SchemaSnapshot} as structured data, for code that works with
 * columns, keys and indexes rather than with their descriptions: the generator of
 * migrations compares it with the JPA entities. Names are as the snapshot shows them
 * (unquoted names that the database folded to upper case in lower case); names the
 * database made up are {@code null}.
 *
 * @param name the table name
 * @param columns the columns, in table order
 * @param primaryKey the primary key, or {@code null}
 * @param uniqueConstraints the unique constraints (on MariaDB and MySQL these are unique
 * indexes, listed in {@code indexes})
 * @param indexes the indexes that do not merely back a key or constraint
 * @param foreignKeys the foreign keys
 * @since 0.1.0
 */
public record SchemaTable(String name, List<Column> columns, @Nullable Key primaryKey, List<Key> uniqueConstraints,
		List<Index> indexes, List<ForeignKey> foreignKeys) {

	public SchemaTable {
		columns = List.copyOf(columns);
		uniqueConstraints = List.copyOf(uniqueConstraints);
		indexes = List.copyOf(indexes);
		foreignKeys = List.copyOf(foreignKeys);
	}

	/**
	 * The column of that name, ignoring case.
	 * @param name the column name
	 * @return the column, or {@code null}
	 */
	public @Nullable Column column(String name) {
		return this.columns.stream().filter((column) -> column.name().equalsIgnoreCase(name)).findFirst().orElse(null);
	}

	/**
	 * A column.
	 *
	 * @param name the column name
	 * @param type the type as the database declares it, with size where it has one, such
	 * as {@code VARCHAR(100)} or {@code NUMERIC(10,2)}
	 * @param jdbcType the {@link java.sql.Types} code the driver reports
	 * @param typeName the type name without size, as the driver reports it
	 * @param size length or precision, or {@code null} where the type has none
	 * @param decimalDigits scale or fractional seconds, or {@code null}
	 * @param nullable whether the column accepts {@code NULL}
	 * @param defaultValue the default expression, or {@code null}
	 * @param autoIncrement whether the database generates its values (identity,
	 * {@code AUTO_INCREMENT}, {@code serial})
	 */
	public record Column(String name, String type, int jdbcType, String typeName, @Nullable Integer size,
			@Nullable Integer decimalDigits, boolean nullable, @Nullable String defaultValue, boolean autoIncrement) {

		/**
		 * The type name in lower case, for comparisons.
		 * @return the type name
		 */
		public String normalizedTypeName() {
			return this.typeName.toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A primary key or unique constraint.
	 *
	 * @param name the constraint name, or {@code null} when the database made it up
	 * @param columns the columns, in key order
	 */
	public record Key(@Nullable String name, List<String> columns) {

		public Key {
			columns = List.copyOf(columns);
		}

	}

	/**
	 * An index.
	 *
	 * @param name the index name, or {@code null} when the database made it up
	 * @param columns the columns, in index order, with {@code DESC} where descending
	 * @param unique whether the index is unique
	 */
	public record Index(@Nullable String name, List<String> columns, boolean unique) {

		public Index {
			columns = List.copyOf(columns);
		}

	}

	/**
	 * A foreign key.
	 *
	 * @param name the constraint name, or {@code null} when the database made it up
	 * @param columns the referencing columns
	 * @param referencedTable the referenced table, qualified with its schema when it is
	 * in another one
	 * @param referencedColumns the referenced columns
	 */
	public record ForeignKey(@Nullable String name, List<String> columns, String referencedTable,
			List<String> referencedColumns) {

		public ForeignKey {
			columns = List.copyOf(columns);
			referencedColumns = List.copyOf(referencedColumns);
		}

	}

}
