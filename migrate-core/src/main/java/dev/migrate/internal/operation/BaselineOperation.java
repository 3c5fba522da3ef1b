package dev.migrate.internal.operation;

import java.time.Duration;
import java.util.List;

import dev.migrate.MigrateConfigurationException;
import dev.migrate.OperationResult;
import dev.migrate.Setting;
import dev.migrate.OperationResult.Action;
import dev.migrate.OperationResult.MigrationExecution;
import dev.migrate.OperationResult.Operation;
import dev.migrate.Version;
import dev.migrate.history.HistoryRow;
import dev.migrate.internal.Engine;
import dev.migrate.internal.MergedMigrations;
import dev.migrate.lock.MigrationLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Marks an existing database as being at a version without running anything: the
 * migrations up to it count as applied.
 */
public final class BaselineOperation implements LockedOperation {

	private static final Log logger = LogFactory.getLog("dev.migrate.Migrator");

	private final Version version;

	/**
	 * Prepare a baseline.
	 * @param version the version the database is at
	 */
	public BaselineOperation(String version) {
		this.version = Versions.parse(version, "baseline version", Setting.BASELINE_VERSION);
	}

	/**
	 * Write the baseline.
	 * @param engine the engine
	 * @return the baseline written, or nothing if the same baseline is there already
	 */
	public OperationResult execute(Engine engine) {
		return LockedRun.change(engine, this, System.nanoTime());
	}

	@Override
	public Operation operation() {
		return Operation.BASELINE;
	}

	@Override
	public List<MigrationExecution> run(Engine engine, MergedMigrations merged, MigrationLock.Held lock) {
		return write(engine, merged, this.version, "baseline");
	}

	static List<MigrationExecution> write(Engine engine, MergedMigrations merged, Version baseline, String operation) {
		List<HistoryRow> rows = merged.rows();
		if (!rows.isEmpty()) {
			HistoryRow existing = rows.get(rows.size() - 1);
			if (rows.size() == 1 && existing.isBaseline() && existing.version().equals(baseline)) {
				return List.of();
			}
			throw new MigrateConfigurationException("Cannot " + operation + " at version " + baseline + ": "
					+ engine.history().qualifiedName() + " already holds " + rows.size()
					+ ((rows.size() == 1) ? " row" : " rows") + " (latest: version " + existing.version()
					+ "). Baseline is for a database migrate does" + " not manage yet. Nothing was changed.");
		}
		String description = engine.settings().baselineDescription();
		engine.history().insertBaseline(1, baseline, description, engine.installedBy());
		logger.info("Baselined " + engine.history().qualifiedName() + " at version " + baseline);
		return List.of(new MigrationExecution(baseline, description, null, Action.BASELINED, Duration.ZERO));
	}

}
