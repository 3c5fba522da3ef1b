package dev.migrate.internal.operation;

import java.util.List;
import java.util.function.BiFunction;

import dev.migrate.Diagnosis;
import dev.migrate.MigrationContext.Direction;
import dev.migrate.MigrationValidationException;
import dev.migrate.PlanResult;
import dev.migrate.Version;
import dev.migrate.internal.Engine;
import dev.migrate.internal.MergedMigrations;
import dev.migrate.resolver.ResolvedMigration;
import org.jspecify.annotations.Nullable;

/**
 * Shows the SQL that a migrate or a rollback would run, changing neither schema nor
 * history. Runs under the lock, so that no other instance migrates meanwhile.
 */
public final class PlanOperation {

	private final Direction direction;

	private final BiFunction<Engine, MergedMigrations, List<ResolvedMigration>> migrations;

	private PlanOperation(Direction direction,
			BiFunction<Engine, MergedMigrations, List<ResolvedMigration>> migrations) {
		this.direction = direction;
		this.migrations = migrations;
	}

	/**
	 * Prepare a plan of the pending migrations up to a target.
	 * @param migrations the migrations in the code
	 * @param target the highest version to plan, or {@code null} for all
	 * @return the operation
	 */
	public static PlanOperation migrate(List<ResolvedMigration> migrations, @Nullable String target) {
		Version targetVersion = Versions.target(migrations, target);
		return new PlanOperation(Direction.UP, (engine, merged) -> {
			boolean outOfOrder = engine.settings().outOfOrder();
			List<Diagnosis> problems = merged.validate(outOfOrder, engine.settings().transactionMode());
			if (!problems.isEmpty()) {
				throw new MigrationValidationException(problems);
			}
			return merged.pending(targetVersion, outOfOrder);
		});
	}

	/**
	 * Prepare a plan of a rollback of the latest migrations.
	 * @param steps how many, at least 1
	 * @return the operation
	 */
	public static PlanOperation rollback(int steps) {
		RollbackOperation rollback = RollbackOperation.steps(steps);
		return new PlanOperation(Direction.DOWN,
				(engine, merged) -> RollbackOperation.reversible(merged, rollback.rows(engine, merged)));
	}

	/**
	 * Prepare a plan of a rollback to a version.
	 * @param target the version to return to
	 * @return the operation
	 */
	public static PlanOperation rollbackTo(String target) {
		RollbackOperation rollback = RollbackOperation.to(target);
		return new PlanOperation(Direction.DOWN,
				(engine, merged) -> RollbackOperation.reversible(merged, rollback.rows(engine, merged)));
	}

	/**
	 * Plan.
	 * @param engine the engine
	 * @return the plan
	 */
	public PlanResult execute(Engine engine) {
		return LockedRun.read(engine, (merged) -> {
			List<ResolvedMigration> migrations = this.migrations.apply(engine, merged);
			ResolvedMigration.resolveAll(migrations);
			return new PlanResult(this.direction, engine.planner().plan(migrations, this.direction),
					engine.dialect().name(), engine.history().qualifiedName());
		});
	}

}
