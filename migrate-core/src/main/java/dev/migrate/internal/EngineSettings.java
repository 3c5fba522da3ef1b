package dev.migrate.internal;

import java.time.Duration;
import java.util.List;

import dev.migrate.ChecksumValidation;
import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.FlywayHistoryMode;
import dev.migrate.MigrateConfigurationException;
import dev.migrate.MigrateDefaults;
import dev.migrate.Migration;
import dev.migrate.MigrationListener;
import dev.migrate.Remedy;
import dev.migrate.Setting;
import dev.migrate.TransactionMode;
import dev.migrate.Version;
import dev.migrate.Vocabulary;
import dev.migrate.dialect.Dialect;
import org.jspecify.annotations.Nullable;

/**
 * The engine's settings, checked once when the engine is built.
 *
 * @param schema the schema of the history table, or {@code null} for the connection's
 * current one
 * @param table the name of the history table
 * @param transactionMode how migrations use transactions, never
 * {@link TransactionMode#DEFAULT}
 * @param outOfOrder whether pending migrations below the latest applied one are applied
 * @param validateChecksums what a changed checksum of an applied migration means
 * @param lockTimeout how long to wait for the migration lock
 * @param lockLease the lease of a lock row
 * @param baselineVersion the version baseline marks
 * @param baselineDescription the description of a baseline row
 * @param baselineOnMigrate whether migrate baselines a schema with tables and no history
 * @param installedBy who the history records, or {@code null} for the database user
 * @param listeners the listeners
 * @param dialect the dialect to use, or {@code null} to detect it
 * @param vocabulary how messages name settings and operations
 * @param flywayHistory what to do with Flyway's history table when migrate's is empty
 * @param flywayHistoryTable the name of Flyway's history table, in the schema of
 * migrate's
 */
public record EngineSettings(@Nullable String schema, String table, TransactionMode transactionMode, boolean outOfOrder,
		ChecksumValidation validateChecksums, Duration lockTimeout, Duration lockLease, Version baselineVersion,
		String baselineDescription, boolean baselineOnMigrate, @Nullable String installedBy,
		List<MigrationListener> listeners, @Nullable Dialect dialect, Vocabulary vocabulary,
		FlywayHistoryMode flywayHistory, String flywayHistoryTable) {

	public EngineSettings {
		if (schema != null) {
			Identifiers.check(schema, "history table schema", Setting.SCHEMA, "");
		}
		Identifiers.check(table, "history table name", Setting.TABLE, "");
		Identifiers.check(MigrateDefaults.lockTable(table), "lock table name", Setting.TABLE,
				MigrateDefaults.LOCK_TABLE_SUFFIX);
		transactionMode = (transactionMode != TransactionMode.DEFAULT) ? transactionMode
				: TransactionMode.PER_MIGRATION;
		if (baselineDescription.length() > Migration.MAX_DESCRIPTION_LENGTH) {
			throw new MigrateConfigurationException(new Diagnosis(
					Text.of("The baseline description has " + baselineDescription.length()
							+ " characters; the history table keeps at most " + Migration.MAX_DESCRIPTION_LENGTH + "."),
					Text.of("Nothing was changed in the database."), Text.of("Give a shorter one.")));
		}
		requirePositive(lockTimeout, "lock timeout", Setting.LOCK_TIMEOUT);
		requirePositive(lockLease, "lock lease", Setting.LOCK_LEASE);
		listeners = List.copyOf(listeners);
		Identifiers.check(flywayHistoryTable, "Flyway history table name", Setting.FLYWAY_HISTORY, "");
	}

	private static void requirePositive(@Nullable Duration duration, String what, Setting setting) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new MigrateConfigurationException(new Diagnosis(
					Text.of("The " + what + " (", Remedy.change(setting), ") must be positive, was " + duration + "."),
					Text.of("Nothing was changed in the database."), Text.EMPTY));
		}
	}

	/**
	 * Qualified name of the history table.
	 * @return the table name, with its schema if one is configured
	 */
	public String qualifiedTable() {
		return (this.schema != null) ? this.schema + "." + this.table : this.table;
	}

}
