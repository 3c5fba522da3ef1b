package dev.migrate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.migrate.MigrationContext.Direction;
import dev.migrate.OperationResult.Action;
import dev.migrate.OperationResult.MigrationExecution;
import dev.migrate.OperationResult.Operation;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.Dialects;
import dev.migrate.history.HistoryRow;
import dev.migrate.history.SchemaHistory;
import dev.migrate.internal.AutoCommitDataSource;
import dev.migrate.internal.Identifiers;
import dev.migrate.internal.MigrationExecutor;
import dev.migrate.internal.MigrationInfoService;
import dev.migrate.internal.MigrationListeners;
import dev.migrate.internal.MigrationPlanner;
import dev.migrate.lock.MigrationLock;
import dev.migrate.lock.MigrationLocks;
import dev.migrate.resolver.MigrationResolver;
import dev.migrate.resolver.ResolvedMigration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The migrate engine. Given a {@link DataSource} and {@link Migration @Migration} beans,
 * it applies pending migrations, rolls them back, reports and validates their states, and
 * baselines or repairs the history. Every operation that changes the database runs under
 * a database-wide lock, so instances starting together apply each migration once.
 *
 * <pre class="code">
 * Migrator migrator = Migrator.builder(dataSource).migrations(List.of(new CreateUsersTable())).build();
 * migrator.migrate();
 * migrator.rollback(1);
 * </pre>
 *
 * Usable without Spring Boot; the Spring Boot starter builds one from the application's
 * {@code DataSource} and {@code @Migration} beans.
 *
 * @author migrate
 */
public final class Migrator {

	private static final Log logger = LogFactory.getLog(Migrator.class);

	private final DataSource dataSource;

	private final List<ResolvedMigration> migrations;

	private final @Nullable String schema;

	private final String table;

	private final TransactionMode transactionMode;

	private final boolean outOfOrder;

	private final Duration lockTimeout;

	private final Duration lockLease;

	private final Version baselineVersion;

	private final String baselineDescription;

	private final boolean baselineOnMigrate;

	private final @Nullable String installedBy;

	private final List<MigrationListener> listeners;

	private final @Nullable Dialect configuredDialect;

	private volatile @Nullable Resources resources;

	private Migrator(Builder builder) {
		this.dataSource = builder.dataSource;
		this.schema = (builder.schema != null)
				? Identifiers.check(builder.schema, "history table schema (migrate.schema)") : null;
		this.table = Identifiers.check(builder.table, "history table name (migrate.table)");
		Identifiers.check(builder.table + "_lock", "lock table name (migrate.table + '_lock')");
		this.transactionMode = (builder.transactionMode != TransactionMode.DEFAULT) ? builder.transactionMode
				: TransactionMode.PER_MIGRATION;
		this.outOfOrder = builder.outOfOrder;
		this.lockTimeout = requirePositive(builder.lockTimeout, "lock timeout (migrate.lock-timeout)");
		this.lockLease = requirePositive(builder.lockLease, "lock lease (migrate.lock-lease)");
		this.baselineVersion = parseVersion(builder.baselineVersion, "baseline version (migrate.baseline-version)");
		this.baselineDescription = builder.baselineDescription;
		this.baselineOnMigrate = builder.baselineOnMigrate;
		this.installedBy = builder.installedBy;
		this.listeners = List.copyOf(builder.listeners);
		this.configuredDialect = builder.dialect;
		this.migrations = (builder.namedMigrations != null) ? MigrationResolver.resolve(builder.namedMigrations)
				: MigrationResolver.resolve(builder.migrations);
	}

	/**
	 * Start building an engine for a data source.
	 * @param dataSource the data source to migrate
	 * @return the builder
	 */
	public static Builder builder(DataSource dataSource) {
		Assert.notNull(dataSource, "'dataSource' must not be null");
		return new Builder(dataSource);
	}

	/**
	 * The migrations found in the code, ordered by version.
	 * @return the migrations
	 */
	public List<ResolvedMigration> getMigrations() {
		return this.migrations;
	}

	/**
	 * The data source this engine migrates.
	 * @return the data source
	 */
	public DataSource getDataSource() {
		return this.dataSource;
	}

	/**
	 * The dialect of the database, detected on first use.
	 * @return the dialect
	 */
	public Dialect getDialect() {
		return resources().dialect;
	}

	/**
	 * Apply all pending migrations.
	 * @return what was applied
	 * @throws MigrationValidationException if the code and history disagree
	 * @throws MigrationFailedException if a migration fails
	 * @throws MigrationLockException if the lock could not be taken in time
	 */
	public OperationResult migrate() {
		return migrate(null);
	}

	/**
	 * Apply pending migrations up to and including a target version.
	 * @param target the highest version to apply, or {@code null} for all
	 * @return what was applied
	 */
	public OperationResult migrate(@Nullable String target) {
		long start = System.nanoTime();
		Resources resources = resources();
		Version targetVersion = checkTarget(target);
		if (!this.baselineOnMigrate) {
			// Nothing pending is the common case: one read of the history, no lock, no
			// writes.
			MigrationInfoService current = new MigrationInfoService(this.migrations, resources.history.readForCheck());
			if (current.validate(this.outOfOrder, this.transactionMode).isEmpty()
					&& current.pending(targetVersion, this.outOfOrder).isEmpty()) {
				logger.info("Schema " + resources.history.qualifiedName() + " is up to date at version "
						+ display(current.currentVersion()) + " (" + this.migrations.size() + " migrations)");
				return result(Operation.MIGRATE, List.of(), current.currentVersion(), current.currentVersion(),
						Duration.ZERO, start);
			}
		}
		return underLock(Operation.MIGRATE, start, (merged) -> {
			List<ResolvedMigration> pending = merged.pending(targetVersion, this.outOfOrder);
			return resources.executor.apply(pending, merged.nextRank(), merged.currentVersion());
		});
	}

	/**
	 * Roll back the latest applied migrations, newest first.
	 * @param steps how many to roll back, at least 1
	 * @return what was rolled back
	 * @throws MigrateConfigurationException if steps is not positive, more are asked for
	 * than are applied, or one of them has no {@code down} method; nothing is touched
	 * then
	 */
	public OperationResult rollback(int steps) {
		checkSteps(steps);
		long start = System.nanoTime();
		Resources resources = resources();
		return underLock(Operation.ROLLBACK, start,
				(merged) -> rollback(resources, merged, latestApplied(merged, steps)));
	}

	/**
	 * Roll back every applied migration above a target version, newest first.
	 * @param target the version to return to; {@code "0"} rolls back everything
	 * @return what was rolled back
	 * @throws MigrateConfigurationException if no migration has the target version, or
	 * one to roll back has no {@code down} method; nothing is touched then
	 */
	public OperationResult rollbackTo(String target) {
		Version targetVersion = parseVersion(target, "rollback target version (migrate.target)");
		long start = System.nanoTime();
		Resources resources = resources();
		return underLock(Operation.ROLLBACK, start,
				(merged) -> rollback(resources, merged, appliedAbove(merged, targetVersion)));
	}

	private static void checkSteps(int steps) {
		if (steps < 1) {
			throw new MigrateConfigurationException("Cannot roll back " + steps
					+ " steps (migrate.steps): give a number of migrations of at least 1. Nothing was changed.");
		}
	}

	private static List<HistoryRow> latestApplied(MigrationInfoService merged, int steps) {
		List<HistoryRow> candidates = merged.rollbackCandidates();
		if (steps > candidates.size()) {
			throw new MigrateConfigurationException("Cannot roll back " + steps + " migrations: only "
					+ candidates.size() + " applied " + ((candidates.size() == 1) ? "is a" : "are")
					+ " rollback candidate" + ((candidates.size() == 1) ? "" : "s") + " (" + versionsOf(candidates)
					+ "); a baseline cannot be rolled back. Nothing was changed.");
		}
		return candidates.subList(0, steps);
	}

	private List<HistoryRow> appliedAbove(MigrationInfoService merged, Version target) {
		if (!target.equals(Version.EMPTY) && !merged.isKnown(target)) {
			throw new MigrateConfigurationException(
					"Cannot roll back to version " + target + ": no migration has that version. Known versions: "
							+ knownVersions() + " (or 0 for everything). Nothing was changed.");
		}
		return merged.rollbackCandidates().stream().filter((row) -> row.version().isAfter(target)).toList();
	}

	private List<MigrationExecution> rollback(Resources resources, MigrationInfoService merged, List<HistoryRow> rows) {
		List<ResolvedMigration> toRollBack = reversible(merged, rows);
		List<MigrationExecution> executions = new ArrayList<>(toRollBack.size());
		for (int i = 0; i < toRollBack.size(); i++) {
			executions.add(resources.executor.rollback(toRollBack.get(i), rows.get(i)));
		}
		return executions;
	}

	private static List<ResolvedMigration> reversible(MigrationInfoService merged, List<HistoryRow> rows) {
		List<ResolvedMigration> migrations = new ArrayList<>(rows.size());
		List<String> problems = new ArrayList<>();
		for (HistoryRow row : rows) {
			ResolvedMigration migration = merged.migration(row.version());
			if (migration == null) {
				problems.add("Migration " + row.version() + " (" + row.description() + ", " + row.className()
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

	/**
	 * Show what {@link #migrate()} would do: the SQL of every pending migration, in
	 * order. Changes neither schema nor history. Where DDL is transactional (PostgreSQL),
	 * the statements really run inside a transaction that is rolled back, so a migration
	 * that would fail fails the plan instead of the deployment.
	 * @return the plan
	 */
	public PlanResult plan() {
		return plan(null);
	}

	/**
	 * Show what {@link #migrate(String)} would do up to a target version.
	 * @param target the highest version to plan, or {@code null} for all
	 * @return the plan
	 */
	public PlanResult plan(@Nullable String target) {
		Version targetVersion = checkTarget(target);
		Resources resources = resources();
		return withLock((merged) -> {
			List<String> problems = merged.validate(this.outOfOrder, this.transactionMode);
			if (!problems.isEmpty()) {
				throw new MigrationValidationException(problems);
			}
			return planResult(resources, Direction.UP,
					resources.planner.plan(merged.pending(targetVersion, this.outOfOrder), Direction.UP));
		});
	}

	/**
	 * Show what {@link #rollback(int)} would do: the SQL of each {@code down} method.
	 * @param steps how many migrations to roll back, at least 1
	 * @return the plan
	 */
	public PlanResult planRollback(int steps) {
		checkSteps(steps);
		Resources resources = resources();
		return withLock((merged) -> planResult(resources, Direction.DOWN,
				resources.planner.plan(reversible(merged, latestApplied(merged, steps)), Direction.DOWN)));
	}

	/**
	 * Show what {@link #rollbackTo(String)} would do.
	 * @param target the version to return to
	 * @return the plan
	 */
	public PlanResult planRollbackTo(String target) {
		Version targetVersion = parseVersion(target, "rollback target version (migrate.target)");
		Resources resources = resources();
		return withLock((merged) -> planResult(resources, Direction.DOWN,
				resources.planner.plan(reversible(merged, appliedAbove(merged, targetVersion)), Direction.DOWN)));
	}

	private static PlanResult planResult(Resources resources, Direction direction,
			List<PlanResult.PlannedMigration> planned) {
		return new PlanResult(direction, planned, resources.dialect.name(), resources.history.qualifiedName());
	}

	/**
	 * Roll back the latest applied migration and apply it again.
	 * @return what was rolled back and applied
	 */
	public OperationResult redo() {
		long start = System.nanoTime();
		Resources resources = resources();
		return underLock(Operation.REDO, start, (merged) -> {
			List<HistoryRow> candidates = merged.rollbackCandidates();
			if (candidates.isEmpty()) {
				throw new MigrateConfigurationException("Cannot redo: no migration is applied in "
						+ resources.history.qualifiedName() + ". Nothing was changed.");
			}
			List<MigrationExecution> executions = new ArrayList<>(
					rollback(resources, merged, candidates.subList(0, 1)));
			ResolvedMigration migration = merged.migration(candidates.get(0).version());
			// A rollback updates rows and writes none, so the next rank is unchanged.
			executions.addAll(resources.executor.apply(List.of(migration), merged.nextRank(),
					new MigrationInfoService(this.migrations, resources.history.read()).currentVersion()));
			return executions;
		});
	}

	/**
	 * Every migration, in the code or the history table, with its state. Takes no lock
	 * and writes nothing.
	 * @return the migrations with their states
	 */
	public InfoResult info() {
		Resources resources = resources();
		return new MigrationInfoService(this.migrations, resources.history.read())
			.info(resources.history.qualifiedName(), resources.dialect.name());
	}

	/**
	 * Check the code against the history table. Takes no lock and writes nothing.
	 * @return the problems found, with the merged view
	 */
	public ValidationResult validate() {
		Resources resources = resources();
		MigrationInfoService merged = new MigrationInfoService(this.migrations, resources.history.read());
		return new ValidationResult(merged.validate(this.outOfOrder, this.transactionMode),
				merged.info(resources.history.qualifiedName(), resources.dialect.name()));
	}

	/**
	 * Mark an existing database as being at the configured baseline version without
	 * running anything.
	 * @return the baseline written
	 */
	public OperationResult baseline() {
		return baseline(this.baselineVersion.toString());
	}

	/**
	 * Mark an existing database as being at a version without running anything: the
	 * migrations up to it count as already applied.
	 * @param version the version the database is at
	 * @return the baseline written
	 * @throws MigrateConfigurationException if the history already holds migrations
	 */
	public OperationResult baseline(String version) {
		Version baseline = parseVersion(version, "baseline version (migrate.baseline-version)");
		long start = System.nanoTime();
		Resources resources = resources();
		return underLock(Operation.BASELINE, start,
				(merged) -> baselineUnderLock(resources, merged.rows(), baseline, "baseline"));
	}

	private List<MigrationExecution> baselineUnderLock(Resources resources, List<HistoryRow> rows, Version baseline,
			String operation) {
		if (!rows.isEmpty()) {
			HistoryRow existing = rows.get(rows.size() - 1);
			if (rows.size() == 1 && existing.isBaseline() && existing.version().equals(baseline)) {
				return List.of();
			}
			throw new MigrateConfigurationException(
					"Cannot " + operation + " at version " + baseline + ": " + resources.history.qualifiedName()
							+ " already holds " + rows.size() + " row(s) (latest: version " + existing.version()
							+ "). Baseline is for a database migrate does" + " not manage yet. Nothing was changed.");
		}
		resources.history.insert(resources.history.jdbcTemplate(),
				new HistoryRow(1, baseline, this.baselineDescription, HistoryRow.TYPE_BASELINE, null, null, null,
						resources.installedBy(), Instant.now(), 0, HistoryRow.SUCCESS, null, null, null));
		logger.info("Baselined " + resources.history.qualifiedName() + " at version " + baseline);
		return List
			.of(new MigrationExecution(baseline, this.baselineDescription, null, Action.BASELINED, Duration.ZERO));
	}

	/**
	 * Clear failed migrations after a manual fix, drop missing ones from the history, and
	 * align checksums and descriptions of applied migrations with the code.
	 * @return what was repaired
	 */
	public OperationResult repair() {
		long start = System.nanoTime();
		Resources resources = resources();
		return underLock(Operation.REPAIR, start, (merged) -> {
			List<MigrationExecution> executions = new ArrayList<>();
			for (MigrationInfo info : merged.info(resources.history.qualifiedName(), resources.dialect.name())
				.migrations()) {
				HistoryRow row = merged.latestRow(info.version());
				if (row == null) {
					continue;
				}
				ResolvedMigration migration = merged.migration(info.version());
				if (info.state() == MigrationState.FAILED) {
					resources.history.delete(row.installedRank());
					executions.add(new MigrationExecution(info.version(), info.description(), info.beanName(),
							Action.REMOVED_FAILED, Duration.ZERO));
				}
				else if (info.state() == MigrationState.MISSING) {
					resources.history.delete(row.installedRank());
					executions.add(new MigrationExecution(info.version(), info.description(), info.beanName(),
							Action.REMOVED_MISSING, Duration.ZERO));
				}
				else if (info.state() == MigrationState.APPLIED && migration != null
						&& (!migration.checksum().equals(row.checksum())
								|| !migration.description().equals(row.description())
								|| !migration.beanName().equals(row.beanName())
								|| !migration.beanClass().getName().equals(row.className()))) {
					resources.history.realign(row.installedRank(), migration.checksum(), migration.description(),
							migration.beanName(), migration.beanClass().getName());
					executions.add(new MigrationExecution(info.version(), migration.description(), migration.beanName(),
							Action.REALIGNED, Duration.ZERO));
				}
			}
			executions.forEach((execution) -> logger
				.info("Repaired migration " + execution.version() + ": " + execution.action()));
			return executions;
		});
	}

	private @Nullable Version checkTarget(@Nullable String target) {
		if (target == null) {
			return null;
		}
		Version targetVersion = parseVersion(target, "target version (migrate.target)");
		if (this.migrations.stream().noneMatch((m) -> m.version().equals(targetVersion))) {
			throw new MigrateConfigurationException("No migration has the target version " + target
					+ " (migrate.target). Known versions: " + knownVersions() + ". Nothing was changed.");
		}
		return targetVersion;
	}

	/** Run read-only work (a plan) under the lock, on the history as it is. */
	private <T> T withLock(Function<MigrationInfoService, T> work) {
		return locked((held) -> work.apply(new MigrationInfoService(this.migrations, resources().history.read())));
	}

	private <T> T locked(Function<MigrationLock.Held, T> work) {
		Resources resources = resources();
		resources.history.createSchemaIfMissing();
		try (MigrationLock.Held held = resources.lock.acquire(this.lockTimeout)) {
			return work.apply(held);
		}
	}

	private OperationResult underLock(Operation operation, long start,
			Function<MigrationInfoService, List<MigrationExecution>> work) {
		Resources resources = resources();
		return locked((held) -> {
			MigrationListeners.notify(this.listeners, (listener) -> listener.lockAcquired(held.waited()));
			resources.history.createIfMissing();
			List<HistoryRow> rows = resources.history.read();
			if (operation == Operation.MIGRATE && this.baselineOnMigrate && rows.isEmpty()
					&& resources.history.schemaHasOtherTables()) {
				logger.info("The schema holds tables but no migrate history: baselining at version "
						+ this.baselineVersion + " (migrate.baseline-on-migrate)");
				baselineUnderLock(resources, rows, this.baselineVersion, "baseline on migrate");
				rows = resources.history.read();
			}
			MigrationInfoService merged = new MigrationInfoService(this.migrations, rows);
			if (operation == Operation.MIGRATE) {
				List<String> problems = merged.validate(this.outOfOrder, this.transactionMode);
				if (!problems.isEmpty()) {
					throw new MigrationValidationException(problems);
				}
			}
			if (operation == Operation.ROLLBACK || operation == Operation.REDO) {
				List<String> missing = merged.missingProblems();
				if (!missing.isEmpty()) {
					throw new MigrationValidationException(missing);
				}
			}
			Version before = merged.currentVersion();
			List<MigrationExecution> executions = work.apply(merged);
			Version after = (executions.isEmpty()) ? before
					: new MigrationInfoService(this.migrations, resources.history.read()).currentVersion();
			OperationResult result = result(operation, executions, before, after, held.waited(), start);
			logger.info(summary(result));
			return result;
		});
	}

	private OperationResult result(Operation operation, List<MigrationExecution> executions, @Nullable Version before,
			@Nullable Version after, Duration lockWait, long start) {
		return new OperationResult(operation, List.copyOf(executions), before, after, lockWait,
				Duration.ofNanos(System.nanoTime() - start), resources().history.qualifiedName());
	}

	private static String summary(OperationResult result) {
		return result.operation().name().charAt(0) + result.operation().name().substring(1).toLowerCase() + " of "
				+ result.historyTable() + ": " + result.executions().size() + " migration(s) in "
				+ result.totalTime().toMillis() + " ms (lock wait " + result.lockWait().toMillis() + " ms); version "
				+ display(result.versionBefore()) + " -> " + display(result.versionAfter());
	}

	private String knownVersions() {
		if (this.migrations.isEmpty()) {
			return "none";
		}
		List<String> versions = this.migrations.stream().map((m) -> m.version().toString()).toList();
		return (versions.size() <= 20) ? String.join(", ", versions) : String.join(", ", versions.subList(0, 10))
				+ ", ... , " + String.join(", ", versions.subList(versions.size() - 5, versions.size()));
	}

	private static String versionsOf(List<HistoryRow> rows) {
		return rows.isEmpty() ? "none" : String.join(", ", rows.stream().map((r) -> r.version().toString()).toList());
	}

	private static String display(@Nullable Version version) {
		return (version != null) ? version.toString() : "<empty>";
	}

	private static Version parseVersion(String text, String what) {
		String problem = Version.problemWith(text);
		if (problem != null) {
			throw new MigrateConfigurationException("Invalid " + what + ": " + problem + ". Nothing was changed.");
		}
		return Version.parse(text);
	}

	private static Duration requirePositive(Duration duration, String what) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new MigrateConfigurationException("The " + what + " must be positive, was " + duration + ".");
		}
		return duration;
	}

	private Resources resources() {
		Resources resources = this.resources;
		if (resources == null) {
			synchronized (this) {
				resources = this.resources;
				if (resources == null) {
					resources = new Resources(this);
					this.resources = resources;
				}
			}
		}
		return resources;
	}

	/**
	 * What needs the database to build: detected once, on first use.
	 */
	private static final class Resources {

		private final Migrator migrator;

		private final Dialect dialect;

		private final SchemaHistory history;

		private final MigrationLock lock;

		private final MigrationExecutor executor;

		private final MigrationPlanner planner;

		private volatile @Nullable String installedBy;

		Resources(Migrator migrator) {
			this.migrator = migrator;
			Dialects.Inspection database = Dialects.inspect(migrator.dataSource, migrator.configuredDialect);
			this.dialect = database.dialect();
			DataSource ownStatements = new AutoCommitDataSource(migrator.dataSource);
			this.history = new SchemaHistory(ownStatements, this.dialect, migrator.schema, migrator.table);
			this.lock = MigrationLocks.create(this.dialect, ownStatements, migrator.schema, migrator.table,
					migrator.lockLease);
			this.executor = new MigrationExecutor(migrator.dataSource, this.dialect, database.info(), this.history,
					migrator.transactionMode, this::installedBy, migrator.listeners);
			this.planner = new MigrationPlanner(migrator.dataSource, this.dialect, database.info(),
					migrator.transactionMode);
		}

		String installedBy() {
			String user = this.installedBy;
			if (user == null) {
				user = (this.migrator.installedBy != null) ? this.migrator.installedBy : this.history.currentUser();
				this.installedBy = user;
			}
			return user;
		}

	}

	/**
	 * Builds a {@link Migrator}.
	 */
	public static final class Builder {

		private final DataSource dataSource;

		private Collection<?> migrations = List.of();

		private @Nullable Map<String, ?> namedMigrations;

		private @Nullable String schema;

		private String table = "migrate_history";

		private TransactionMode transactionMode = TransactionMode.PER_MIGRATION;

		private boolean outOfOrder;

		private Duration lockTimeout = Duration.ofMinutes(5);

		private Duration lockLease = Duration.ofSeconds(30);

		private String baselineVersion = "1";

		private String baselineDescription = "<< Baseline >>";

		private boolean baselineOnMigrate;

		private @Nullable String installedBy;

		private final List<MigrationListener> listeners = new ArrayList<>();

		private @Nullable Dialect dialect;

		private Builder(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		/**
		 * The migration beans, each named after its class.
		 * @param migrations objects annotated with {@link Migration @Migration}
		 * @return this builder
		 */
		public Builder migrations(Collection<?> migrations) {
			Assert.notNull(migrations, "'migrations' must not be null");
			this.migrations = migrations;
			this.namedMigrations = null;
			return this;
		}

		/**
		 * The migration beans with their bean names.
		 * @param migrations objects annotated with {@link Migration @Migration}, by bean
		 * name
		 * @return this builder
		 */
		public Builder migrations(Map<String, ?> migrations) {
			Assert.notNull(migrations, "'migrations' must not be null");
			this.namedMigrations = migrations;
			return this;
		}

		/**
		 * Schema of the history table. Default: the connection's current schema.
		 * @param schema a plain identifier, or {@code null}
		 * @return this builder
		 */
		public Builder schema(@Nullable String schema) {
			this.schema = schema;
			return this;
		}

		/**
		 * Name of the history table. Default {@code migrate_history}.
		 * @param table a plain identifier
		 * @return this builder
		 */
		public Builder table(String table) {
			this.table = table;
			return this;
		}

		/**
		 * How migrations use transactions. Default {@link TransactionMode#PER_MIGRATION}.
		 * @param transactionMode the mode
		 * @return this builder
		 */
		public Builder transactionMode(TransactionMode transactionMode) {
			Assert.notNull(transactionMode, "'transactionMode' must not be null");
			this.transactionMode = transactionMode;
			return this;
		}

		/**
		 * Whether to apply pending migrations whose version is below the latest applied
		 * one. Default {@code false}: they are reported as an error.
		 * @param outOfOrder whether to allow them
		 * @return this builder
		 */
		public Builder outOfOrder(boolean outOfOrder) {
			this.outOfOrder = outOfOrder;
			return this;
		}

		/**
		 * How long to wait for another instance holding the migration lock. Default 5
		 * minutes.
		 * @param lockTimeout the timeout
		 * @return this builder
		 */
		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		/**
		 * Lease of the lock row on databases without session locks: how long a crashed
		 * holder can block the others. Default 30 seconds.
		 * @param lockLease the lease
		 * @return this builder
		 */
		public Builder lockLease(Duration lockLease) {
			this.lockLease = lockLease;
			return this;
		}

		/**
		 * Version that {@link Migrator#baseline()} and baseline-on-migrate mark. Default
		 * {@code "1"}.
		 * @param baselineVersion the version
		 * @return this builder
		 */
		public Builder baselineVersion(String baselineVersion) {
			this.baselineVersion = baselineVersion;
			return this;
		}

		/**
		 * Description of the baseline row.
		 * @param baselineDescription the description
		 * @return this builder
		 */
		public Builder baselineDescription(String baselineDescription) {
			this.baselineDescription = baselineDescription;
			return this;
		}

		/**
		 * Whether migrate baselines a schema that has tables but no history before
		 * migrating it. Default {@code false}.
		 * @param baselineOnMigrate whether to baseline
		 * @return this builder
		 */
		public Builder baselineOnMigrate(boolean baselineOnMigrate) {
			this.baselineOnMigrate = baselineOnMigrate;
			return this;
		}

		/**
		 * Who the history records as having applied migrations. Default: the database
		 * user.
		 * @param installedBy the name, or {@code null} for the database user
		 * @return this builder
		 */
		public Builder installedBy(@Nullable String installedBy) {
			this.installedBy = installedBy;
			return this;
		}

		/**
		 * Add a listener.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(MigrationListener listener) {
			Assert.notNull(listener, "'listener' must not be null");
			this.listeners.add(listener);
			return this;
		}

		/**
		 * Use this dialect instead of detecting it.
		 * @param dialect the dialect, or {@code null} to detect it
		 * @return this builder
		 */
		public Builder dialect(@Nullable Dialect dialect) {
			this.dialect = dialect;
			return this;
		}

		/**
		 * Build the engine, resolving and checking the migrations. Does not touch the
		 * database.
		 * @return the engine
		 * @throws MigrationDefinitionException if a migration is not well defined
		 * @throws MigrateConfigurationException if a setting is invalid
		 */
		public Migrator build() {
			return new Migrator(this);
		}

	}

}
