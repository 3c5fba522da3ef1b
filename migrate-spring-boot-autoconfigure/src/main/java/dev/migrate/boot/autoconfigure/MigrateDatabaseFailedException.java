package dev.migrate.boot.autoconfigure;

import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;

/**
 * Migrating one of the databases of {@code migrate.databases} failed: the engine's error,
 * naming the database.
 *
 * @author migrate
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
		super(cause.getDiagnosis(), cause);
		this.database = database;
		inVocabulary(MigratePropertiesVocabulary.INSTANCE);
	}

	/**
	 * The database whose migration failed.
	 * @return its name, as under {@code migrate.databases}
	 */
	public String getDatabase() {
		return this.database;
	}

	@Override
	public String getMessage(Vocabulary vocabulary) {
		return "Database '" + this.database + "' (migrate.databases." + this.database + "): "
				+ super.getMessage(vocabulary);
	}

}
