package dev.migrate.generate;

import java.util.List;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MySQLDialect;

/**
 * The statements that change, add and drop columns and constraints, where databases
 * disagree: MariaDB and MySQL restate a column's whole definition with {@code MODIFY} and
 * drop foreign keys and unique constraints by their own words; H2, PostgreSQL and the
 * standard alter one property at a time. Chosen once, from Hibernate's dialect.
 */
abstract class ColumnStatements {

	static ColumnStatements of(Dialect dialect) {
		return (dialect instanceof MySQLDialect) ? new ModifyColumn() : new AlterColumn();
	}

	/**
	 * Change the type and nullability of a column.
	 * @param table the table
	 * @param column the column
	 * @param fromType the current type
	 * @param fromNullable whether the column now accepts nulls
	 * @param toType the new type
	 * @param toNullable whether the column is to accept nulls
	 * @return the statements
	 */
	abstract List<String> change(String table, String column, String fromType, boolean fromNullable, String toType,
			boolean toNullable);

	abstract String dropForeignKey(String table, String name);

	abstract String dropUnique(String table, String name);

	String dropIndex(String table, String name) {
		return "drop index " + name;
	}

	String addColumn(String table, String definition) {
		return "alter table " + table + " add column " + definition;
	}

	String dropColumn(String table, String column) {
		return "alter table " + table + " drop column " + column;
	}

	static String nullability(boolean nullable) {
		return nullable ? "" : " not null";
	}

	private static final class AlterColumn extends ColumnStatements {

		@Override
		List<String> change(String table, String column, String fromType, boolean fromNullable, String toType,
				boolean toNullable) {
			String prefix = "alter table " + table + " alter column " + column;
			java.util.ArrayList<String> statements = new java.util.ArrayList<>();
			if (!fromType.equalsIgnoreCase(toType)) {
				statements.add(prefix + " set data type " + toType);
			}
			if (fromNullable != toNullable) {
				statements.add(prefix + (toNullable ? " drop not null" : " set not null"));
			}
			return List.copyOf(statements);
		}

		@Override
		String dropForeignKey(String table, String name) {
			return "alter table " + table + " drop constraint " + name;
		}

		@Override
		String dropUnique(String table, String name) {
			return "alter table " + table + " drop constraint " + name;
		}

	}

	private static final class ModifyColumn extends ColumnStatements {

		@Override
		List<String> change(String table, String column, String fromType, boolean fromNullable, String toType,
				boolean toNullable) {
			return List.of("alter table " + table + " modify column " + column + " " + toType
					+ (toNullable ? " null" : " not null"));
		}

		@Override
		String dropForeignKey(String table, String name) {
			return "alter table " + table + " drop foreign key " + name;
		}

		@Override
		String dropUnique(String table, String name) {
			return "alter table " + table + " drop index " + name;
		}

		@Override
		String dropIndex(String table, String name) {
			return "drop index " + name + " on " + table;
		}

	}

}
