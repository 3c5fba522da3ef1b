package dev.migrate.internal.operation;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.Diagnosis;
import dev.migrate.MigrateConfigurationException;
import dev.migrate.MigrationValidationException;
import dev.migrate.OperationResult;
import dev.migrate.Setting;
import dev.migrate.OperationResult.MigrationExecution;
import dev.migrate.OperationResult.Operation;
import dev.migrate.Version;
import dev.migrate.history.HistoryRow;
import dev.migrate.internal.Engine;
import dev.migrate.internal.MergedMigrations;
import dev.migrate.lock.MigrationLock;
import dev.migrate.resolver.ResolvedMigration;
import org.jspecify.annotations.Nullable;

/**
 * Rolls back the latest applied migrations, newest first: a number of steps, or every
 * migration above a target version.
 */
public final class RollbackOperation implements LockedOperation {

	private final int steps;

	private final @Nullable Version target;

	private RollbackOperation(int steps, @Nullable Version target) {
		this.steps = steps;
		this.target = target;
	}

	/**
	 * Prepare a rollback of a number of migrations.
	 * @param steps how many, at least 1
	 * @return the operation
	 */
	public static RollbackOperation steps(int steps) {
		Versions.checkSteps(steps);
		return new RollbackOperation(steps, null);
	}

	/**
	 * Prepare a rollback of every migration above a version.
	 * @param target the version to return to; {@code "0"} rolls back everything
	 * @return the operation
	 */
	public static RollbackOperation to(String target) {
		return new RollbackOperation(0, Versions.parse(target, "rollback target version", Setting.TARGET));
	}

	/**
	 * Roll back.
	 * @param engine the engine
	 * @return what was rolled back
	 */
	public OperationResult execute(Engine engine) {
		return LockedRun.change(engine, this, System.nanoTime());
	}

	@Override
	public Operation operation() {
		return Operation.ROLLBACK;
	}

	@Override
	public MergedMigrations prepare(Engine engine, MergedMigrations merged) {
		checkNoneMissing(merged);
		return merged;
	}

	@Override
	public List<MigrationExecution> run(Engine engine, MergedMigrations merged, MigrationLock.Held lock) {
		return rollBack(engine, merged, rows(engine, merged), lock);
	}

	/**
	 * The history rows of the migrations this rollback undoes, newest first.
	 * @param engine the engine
	 * @param merged the code merged with the history
	 * @return the rows
	 */
	List<HistoryRow> rows(Engine engine, MergedMigrations merged) {
		return (this.target != null) ? appliedAbove(engine, merged, this.target) : latestApplied(merged, this.steps);
	}

	static void checkNoneMissing(MergedMigrations merged) {
		List<Diagnosis> missing = merged.missingProblems();
		if (!missing.isEmpty()) {
			throw new MigrationValidationException(missing);
		}
	}

	static List<HistoryRow> latestApplied(MergedMigrations merged, int steps) {
		List<HistoryRow> candidates = merged.rollbackCandidates();
		if (steps > candidates.size()) {
			throw new MigrateConfigurationException("Cannot roll back " + steps + " migrations: only "
					+ candidates.size() + " applied " + ((candidates.size() == 1) ? "is a" : "are")
					+ " rollback candidate" + ((candidates.size() == 1) ? "" : "s") + " (" + Versions.of(candidates)
					+ "); a baseline cannot be rolled back. Nothing was changed.");
		}
		return candidates.subList(0, steps);
	}

	static List<HistoryRow> appliedAbove(Engine engine, MergedMigrations merged, Version target) {
		if (!target.equals(Version.EMPTY) && !merged.isKnown(target)) {
			throw new MigrateConfigurationException(
					"Cannot roll back to version " + target + ": no migration has that version. Known versions: "
							+ Versions.known(engine.migrations()) + " (or 0 for everything). Nothing was changed.");
		}
		return merged.rollbackCandidates().stream().filter((row) -> row.version().isAfter(target)).toList();
	}

	static List<MigrationExecution> rollBack(Engine engine, MergedMigrations merged, List<HistoryRow> rows,
			MigrationLock.Held lock) {
		List<ResolvedMigration> toRollBack = reversible(merged, rows);
		List<MigrationExecution> executions = new ArrayList<>(toRollBack.size());
		for (int i = 0; i < toRollBack.size(); i++) {
			executions.add(engine.executor().rollback(toRollBack.get(i), rows.get(i), lock));
		}
		return executions;
	}

	/**
	 * The migrations of history rows, each of which must be in the code with a
	 * {@code down} method.
	 * @param merged the code merged with the history
	 * @param rows the rows
	 * @return the migrations, in the order of the rows
	 * @throws MigrateConfigurationException naming every migration that cannot be rolled
	 * back; nothing is touched then
	 */
	static List<ResolvedMigration> reversible(MergedMigrations merged, List<HistoryRow> rows) {
		List<ResolvedMigration> migrations = new ArrayList<>(rows.size());
		List<String> problems = new ArrayList<>();
		// Obtain and check every bean to roll back before the first down method runs.
		ResolvedMigration.resolveAll(rows.stream()
			.map((row) -> merged.migration(row.version()))
			.filter((migration) -> migration != null)
			.toList());
		for (HistoryRow row : rows) {
			ResolvedMigration migration = merged.migration(row.version());
			if (migration == null) {
				HistoryRow.Audit audit = row.audit();
				problems.add("Migration " + row.version() + " (" + row.description() + ", "
						+ ((audit != null) ? audit.className() : null)
						+ ") is applied but its bean is not in the code, so its down method cannot run."
						+ " Restore the bean, or roll back fewer steps.");
			}
			else if (!migration.isReversible()) {
				problems.add(migration.describe() + " has no down method: it is irreversible."
						+ " Add a 'public void down(...)' that undoes its up, or roll back fewer steps.");
			}
			else {
				migrations.add(migration);
			}
		}
		if (!problems.isEmpty()) {
			throw new MigrateConfigurationException(
					"Cannot roll back: " + String.join(" ", problems) + " Nothing was changed.");
		}
		return migrations;
	}

}
