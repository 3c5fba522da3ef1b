package dev.migrate.boot.autoconfigure;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.MigrateException;

/**
 * Migrating one of the databases of {@code migrate.databases} failed: the engine's error,
 * naming the database.
 *
 * @since 0.2.0
 */
public class MigrateDatabaseFailedException extends MigrateException {

	private final String database;

	/**
	 * Wrap the engine's error.
	 * @param database the database's name
	 * @param cause the engine's error
	 */
	public MigrateDatabaseFailedException(String database, MigrateException cause) {
		super(named(database, cause.getDiagnosis()), cause);
		this.database = database;
		inVocabulary(MigratePropertiesVocabulary.INSTANCE);
	}

	private static Diagnosis named(String database, Diagnosis diagnosis) {
		return new Diagnosis(
				Text.of("Database '" + database + "' (migrate.databases." + database + "): ", diagnosis.what()),
				diagnosis.stateLeft(), diagnosis.resolution());
	}

	/**
	 * The database whose migration failed.
	 * @return its name, as under {@code migrate.databases}
	 */
	public String getDatabase() {
		return this.database;
	}

}
