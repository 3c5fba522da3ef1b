package dev.migrate;

import java.util.List;
import java.util.stream.Stream;

import dev.migrate.MigrationContext.Direction;
import org.jspecify.annotations.Nullable;

/**
 * What a deployment would do: for each migration that {@code migrate} (or
 * {@code rollback}) would run, in order, the SQL statements it would execute. Planning
 * changes neither the schema nor the history.
 *
 * @param direction {@link Direction#UP} for a migrate plan, {@link Direction#DOWN} for a
 * rollback plan
 * @param migrations the planned migrations, in the order they would run
 * @param database the name of the database product
 * @param historyTable the qualified name of the history table
 * @since 0.1.0
 */
public record PlanResult(Direction direction, List<PlannedMigration> migrations, String database, String historyTable) {

	/**
	 * Whether every statement was executed against the real schema (inside a transaction
	 * that was rolled back), so the plan is also a test of the migrations.
	 * @return {@code true} if every migration was validated
	 */
	public boolean isValidated() {
		return this.migrations.stream().allMatch(PlannedMigration::validated);
	}

	/**
	 * The plan as an SQL script, one commented block per migration, for {@code psql} or
	 * the {@code mysql}/{@code mariadb} client: each statement ends with {@code ;} (on a
	 * line of its own after a trailing comment), and on MySQL and MariaDB a statement
	 * that holds a {@code ;} itself, such as a trigger's body, is set between
	 * {@code DELIMITER} lines. Bound values are written as literals of the database; a
	 * value that has none is marked with a comment before a {@code ?}, so that its
	 * statement fails rather than runs with something else.
	 * @return the script
	 */
	public String toScript() {
		StringBuilder script = new StringBuilder();
		script.append("-- migrate plan (")
			.append((this.direction == Direction.UP) ? "migrate" : "rollback")
			.append(") for ")
			.append(this.database)
			.append(", history table ")
			.append(this.historyTable)
			.append('\n');
		if (this.migrations.isEmpty()) {
			script.append("-- nothing to do\n");
		}
		for (PlannedMigration migration : this.migrations) {
			script.append("\n-- ")
				.append(migration.version())
				.append(": ")
				.append(migration.description().replace('\n', ' '))
				.append(" (bean '")
				.append(migration.beanName())
				.append("', ")
				.append((this.direction == Direction.UP) ? "up" : "down")
				.append(migration.validated() ? ", validated" : ", NOT validated")
				.append(")\n");
			if (migration.note() != null) {
				script.append("-- ").append(migration.note().replace("\n", "\n-- ")).append('\n');
			}
			for (String statement : migration.statements()) {
				script.append(terminated(statement));
			}
		}
		return script.toString();
	}

	private String terminated(String statement) {
		String text = statement.strip().replaceFirst("[;\\s]+$", "");
		if (text.isEmpty()) {
			return "";
		}
		if (text.indexOf(';') >= 0 && (this.database.equals("MySQL") || this.database.equals("MariaDB"))) {
			String delimiter = Stream.of("$$", "//", ";;", "$$$$")
				.filter((candidate) -> !text.contains(candidate))
				.findFirst()
				.orElse("$$migrate$$");
			return "DELIMITER " + delimiter + "\n" + text + "\n" + delimiter + "\nDELIMITER ;\n";
		}
		String lastLine = text.substring(text.lastIndexOf('\n') + 1);
		// A ; after a line comment would be part of it
		return text + ((lastLine.contains("--") || lastLine.contains("#")) ? "\n;\n" : ";\n");
	}

	/**
	 * One migration of a plan.
	 *
	 * @param version the version
	 * @param description the description
	 * @param beanName the bean name
	 * @param statements the SQL it would execute, with bound values shown as literals
	 * @param validated whether the statements were executed against the real schema and
	 * rolled back
	 * @param note why it was not validated, or {@code null}
	 */
	public record PlannedMigration(Version version, String description, String beanName, List<String> statements,
			boolean validated, @Nullable String note) {

	}

}
