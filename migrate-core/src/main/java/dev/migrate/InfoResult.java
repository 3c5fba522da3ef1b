package dev.migrate;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Every migration, in the code or in the history table, with its state.
 *
 * @param migrations the migrations, ordered by version
 * @param historyTable the qualified name of the history table
 * @param database the name of the database product
 * @param warnings what looks wrong without stopping migrate, such as no migration found
 * in the code while the history holds applied ones
 * @since 0.1.0
 */
public record InfoResult(List<MigrationInfo> migrations, String historyTable, String database, List<String> warnings) {

	/**
	 * Version of the latest applied migration or baseline.
	 * @return the current version, or {@code null} when nothing is applied
	 */
	public @Nullable Version currentVersion() {
		Version current = null;
		for (MigrationInfo migration : this.migrations) {
			if (migration.state().isApplied() && (current == null || migration.version().isAfter(current))) {
				current = migration.version();
			}
		}
		return current;
	}

	/**
	 * Migrations the next migrate would apply (pending, rolled back, out of order).
	 * @return the pending migrations
	 */
	public List<MigrationInfo> pending() {
		return this.migrations.stream().filter((migration) -> migration.state().isPending()).toList();
	}

	/**
	 * Migrations in a given state.
	 * @param state the state
	 * @return the migrations in that state
	 */
	public List<MigrationInfo> inState(MigrationState state) {
		return this.migrations.stream().filter((migration) -> migration.state() == state).toList();
	}

}
