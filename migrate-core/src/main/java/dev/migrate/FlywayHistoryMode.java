package dev.migrate;

/**
 * What migrate does when its history table is empty and the schema holds Flyway's history
 * table ({@code flyway_schema_history}): a database that Flyway migrated so far.
 *
 * @since 0.1.0
 * @see Migrator.Builder#flywayHistory(FlywayHistoryMode)
 */
public enum FlywayHistoryMode {

	/**
	 * Refuse to change the database, with a message saying how to take over or ignore
	 * Flyway's history: migrations already applied by Flyway must not run again. The
	 * default.
	 */
	REFUSE,

	/**
	 * Take over from Flyway, under the migration lock and in one transaction: every
	 * version Flyway applied is written to migrate's history with its description, date,
	 * installer and execution time, and none of them runs again. A version without a
	 * {@link Migration @Migration} bean counts as a baseline; a bean with such a version
	 * counts as applied, and its checksum is recorded on the next migrate. A failed row
	 * in Flyway's history stops the adoption. Flyway's table is left as it is.
	 */
	ADOPT,

	/**
	 * Do not look at Flyway's history table: it belongs to something else.
	 */
	IGNORE

}
