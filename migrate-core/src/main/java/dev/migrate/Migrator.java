package dev.migrate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.migrate.Diagnosis.Text;
import dev.migrate.dialect.Dialect;
import dev.migrate.internal.ConnectRetries;
import dev.migrate.internal.Engine;
import dev.migrate.internal.EngineSettings;
import dev.migrate.internal.operation.BaselineOperation;
import dev.migrate.internal.operation.InfoOperation;
import dev.migrate.internal.operation.MigrateOperation;
import dev.migrate.internal.operation.PlanOperation;
import dev.migrate.internal.operation.RedoOperation;
import dev.migrate.internal.operation.RepairOperation;
import dev.migrate.internal.operation.RollbackOperation;
import dev.migrate.internal.operation.ValidateOperation;
import dev.migrate.resolver.MigrationResolver;
import dev.migrate.resolver.MigrationSource;
import dev.migrate.resolver.ResolvedMigration;
import dev.migrate.resolver.SqlFileMigrations;
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
 * {@code DataSource} and {@code @Migration} beans. Thread-safe: the database is inspected
 * once, on first use.
 *
 * @since 0.1.0
 */
public final class Migrator {

	private final DataSource dataSource;

	private final EngineSettings settings;

	private final List<ResolvedMigration> migrations;

	private final ConnectRetries connectRetries;

	private volatile @Nullable Engine engine;

	private Migrator(Builder builder) {
		this.dataSource = builder.dataSource;
		try {
			this.settings = new EngineSettings(builder.schema, builder.table, builder.transactionMode,
					builder.outOfOrder, builder.validateChecksums, builder.lockTimeout, builder.lockLease,
					baselineVersion(builder.baselineVersion), builder.baselineDescription, builder.baselineOnMigrate,
					builder.installedBy, builder.listeners, builder.dialect, builder.vocabulary, builder.flywayHistory,
					builder.flywayHistoryTable);
			List<ResolvedMigration> beans = (builder.migrationSources != null)
					? MigrationResolver.resolveSources(builder.migrationSources)
					: (builder.namedMigrations != null) ? MigrationResolver.resolve(builder.namedMigrations)
							: MigrationResolver.resolve(builder.migrations);
			this.migrations = builder.locations.isEmpty() ? beans : MigrationResolver.merge(beans,
					SqlFileMigrations.find(builder.locations, builder.locationsClassLoader));
			this.connectRetries = connectRetries(builder.connectRetries, builder.connectRetriesInterval);
		}
		catch (MigrateException ex) {
			throw ex.inVocabulary(builder.vocabulary);
		}
	}

	private static Version baselineVersion(String text) {
		String problem = Version.problemWith(text);
		if (problem == null && Version.parse(text).equals(Version.EMPTY)) {
			problem = "version \"" + text + "\" is zero, which stands for \"before any migration\"; a baseline"
					+ " marks the version an existing database is at, from 1";
		}
		if (problem != null) {
			throw new MigrateConfigurationException(
					new Diagnosis(Text.of("Invalid baseline version (", Remedy.change(Setting.BASELINE_VERSION),
							"): " + problem + "."), Text.of("Nothing was changed."), Text.EMPTY));
		}
		return Version.parse(text);
	}

	private static ConnectRetries connectRetries(int retries, Duration interval) {
		if (retries < 0) {
			throw new MigrateConfigurationException(
					new Diagnosis(
							Text.of("The connect retries (", Remedy.change(Setting.CONNECT_RETRIES),
									") must be 0 or more, was " + retries + "."),
							Text.of("Nothing was changed."), Text.EMPTY));
		}
		if (interval.isNegative() || interval.isZero()) {
			throw new MigrateConfigurationException(new Diagnosis(Text.of("The interval of connect retries (",
					Remedy.change(Setting.CONNECT_RETRIES_INTERVAL), ") must be positive, was " + interval + "."),
					Text.of("Nothing was changed."), Text.EMPTY));
		}
		return new ConnectRetries(retries, interval);
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
		return run(() -> engine().dialect());
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
		return run(() -> new MigrateOperation(this.migrations, target).execute(engine()));
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
		return run(() -> RollbackOperation.steps(steps).execute(engine()));
	}

	/**
	 * Roll back every applied migration above a target version, newest first.
	 * @param target the version to return to; {@code "0"} rolls back everything
	 * @return what was rolled back
	 * @throws MigrateConfigurationException if no migration has the target version, or
	 * one to roll back has no {@code down} method; nothing is touched then
	 */
	public OperationResult rollbackTo(String target) {
		return run(() -> RollbackOperation.to(target).execute(engine()));
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
		return run(() -> PlanOperation.migrate(this.migrations, target).execute(engine()));
	}

	/**
	 * Show what {@link #rollback(int)} would do: the SQL of each {@code down} method.
	 * @param steps how many migrations to roll back, at least 1
	 * @return the plan
	 */
	public PlanResult planRollback(int steps) {
		return run(() -> PlanOperation.rollback(steps).execute(engine()));
	}

	/**
	 * Show what {@link #rollbackTo(String)} would do.
	 * @param target the version to return to
	 * @return the plan
	 */
	public PlanResult planRollbackTo(String target) {
		return run(() -> PlanOperation.rollbackTo(target).execute(engine()));
	}

	/**
	 * Roll back the latest applied migration and apply it again.
	 * @return what was rolled back and applied
	 */
	public OperationResult redo() {
		return run(() -> RedoOperation.INSTANCE.execute(engine()));
	}

	/**
	 * Every migration, in the code or the history table, with its state. Takes no lock
	 * and writes nothing.
	 * @return the migrations with their states
	 */
	public InfoResult info() {
		return run(() -> InfoOperation.INSTANCE.execute(engine()));
	}

	/**
	 * Check the code against the history table. Takes no lock and writes nothing.
	 * @return the problems found, with the merged view
	 */
	public ValidationResult validate() {
		return run(() -> ValidateOperation.INSTANCE.execute(engine()));
	}

	/**
	 * Mark an existing database as being at the configured baseline version without
	 * running anything.
	 * @return the baseline written
	 */
	public OperationResult baseline() {
		return baseline(this.settings.baselineVersion().toString());
	}

	/**
	 * Mark an existing database as being at a version without running anything: the
	 * migrations up to it count as already applied.
	 * @param version the version the database is at
	 * @return the baseline written
	 * @throws MigrateConfigurationException if the history already holds migrations
	 */
	public OperationResult baseline(String version) {
		return run(() -> new BaselineOperation(version).execute(engine()));
	}

	/**
	 * Clear failed migrations after a manual fix (a failed {@code up} then counts as not
	 * applied, a failed rollback as applied again), drop missing ones from the history,
	 * and align checksums and descriptions of applied migrations with the code.
	 * @return what was repaired
	 */
	public OperationResult repair() {
		return run(() -> RepairOperation.INSTANCE.execute(engine()));
	}

	/**
	 * Repair one migration: clear its failed entry (a failed {@code up} then counts as
	 * not applied, a failed rollback as applied again), drop it from the history if its
	 * bean is gone, or align its checksum and description with the code.
	 * @param version the version of the migration
	 * @return what was repaired
	 * @throws MigrateConfigurationException if no migration has the version
	 */
	public OperationResult repair(String version) {
		return run(() -> RepairOperation.of(version).execute(engine()));
	}

	/**
	 * Run an operation; its failures name settings and operations in the configured
	 * vocabulary.
	 */
	private <T> T run(Supplier<T> operation) {
		try {
			return operation.get();
		}
		catch (MigrateException ex) {
			throw ex.inVocabulary(this.settings.vocabulary());
		}
	}

	private Engine engine() {
		Engine engine = this.engine;
		if (engine == null) {
			synchronized (this) {
				engine = this.engine;
				if (engine == null) {
					// The first connection: the database may still be starting.
					this.connectRetries.await(this.dataSource);
					engine = new Engine(this.dataSource, this.settings, this.migrations);
					this.engine = engine;
				}
			}
		}
		return engine;
	}

	/**
	 * Builds a {@link Migrator}.
	 */
	public static final class Builder {

		private final DataSource dataSource;

		private Collection<?> migrations = List.of();

		private @Nullable Map<String, ?> namedMigrations;

		private @Nullable Collection<MigrationSource> migrationSources;

		private List<String> locations = List.of();

		private @Nullable ClassLoader locationsClassLoader;

		private @Nullable String schema;

		private String table = MigrateDefaults.HISTORY_TABLE;

		private TransactionMode transactionMode = MigrateDefaults.TRANSACTION_MODE;

		private boolean outOfOrder;

		private ChecksumValidation validateChecksums = MigrateDefaults.VALIDATE_CHECKSUMS;

		private Duration lockTimeout = MigrateDefaults.LOCK_TIMEOUT;

		private Duration lockLease = MigrateDefaults.LOCK_LEASE;

		private String baselineVersion = MigrateDefaults.BASELINE_VERSION;

		private String baselineDescription = MigrateDefaults.BASELINE_DESCRIPTION;

		private boolean baselineOnMigrate;

		private @Nullable String installedBy;

		private FlywayHistoryMode flywayHistory = MigrateDefaults.FLYWAY_HISTORY;

		private String flywayHistoryTable = MigrateDefaults.FLYWAY_HISTORY_TABLE;

		private int connectRetries = MigrateDefaults.CONNECT_RETRIES;

		private Duration connectRetriesInterval = MigrateDefaults.CONNECT_RETRIES_INTERVAL;

		private final List<MigrationListener> listeners = new ArrayList<>();

		private @Nullable Dialect dialect;

		private Vocabulary vocabulary = Vocabulary.ENGINE;

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
			this.migrationSources = null;
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
			this.migrationSources = null;
			return this;
		}

		/**
		 * The migrations as described without loading their classes, each with a supplier
		 * of its bean. The engine obtains a bean only when its {@code up} or {@code down}
		 * runs or an operation needs it ({@link Migrator#validate()} checks every one),
		 * and fingerprints applied migrations from their class files: with nothing
		 * pending, no migration class is loaded. Replaces the beans given to
		 * {@link #migrations(Collection)} or {@link #migrations(Map)}.
		 * @param sources the migrations
		 * @return this builder
		 */
		public Builder migrationSources(Collection<MigrationSource> sources) {
			Assert.notNull(sources, "'sources' must not be null");
			this.migrationSources = List.copyOf(sources);
			return this;
		}

		/**
		 * Where to find migrations written as SQL files, next to the {@code @Migration}
		 * beans: {@code V<version>__<description>.sql}, with an optional
		 * {@code U<version>__<description>.sql} that undoes it. None by default.
		 * @param locations Spring resource locations of folders, such as
		 * {@code classpath:db/migration}; folders below them are searched too
		 * @return this builder
		 */
		public Builder locations(String... locations) {
			return locations(List.of(locations), null);
		}

		/**
		 * Where to find migrations written as SQL files, as
		 * {@link #locations(String...)}.
		 * @param locations Spring resource locations of folders
		 * @param classLoader where {@code classpath:} locations are looked up, or
		 * {@code null} for the default class loader
		 * @return this builder
		 */
		public Builder locations(List<String> locations, @Nullable ClassLoader classLoader) {
			Assert.notNull(locations, "'locations' must not be null");
			this.locations = List.copyOf(locations);
			this.locationsClassLoader = classLoader;
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
		 * What a changed checksum of an applied migration means. Default
		 * {@link ChecksumValidation#FAIL}: migrate refuses to go on.
		 * @param validateChecksums fail, warn, or do not compare
		 * @return this builder
		 */
		public Builder validateChecksums(ChecksumValidation validateChecksums) {
			Assert.notNull(validateChecksums, "'validateChecksums' must not be null");
			this.validateChecksums = validateChecksums;
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
		 * What to do when migrate's history is empty and the schema holds Flyway's
		 * history table. Default {@link FlywayHistoryMode#REFUSE}: operations that change
		 * the database refuse, saying how to adopt or ignore Flyway's history.
		 * @param flywayHistory refuse, adopt or ignore
		 * @return this builder
		 */
		public Builder flywayHistory(FlywayHistoryMode flywayHistory) {
			Assert.notNull(flywayHistory, "'flywayHistory' must not be null");
			this.flywayHistory = flywayHistory;
			return this;
		}

		/**
		 * Name of Flyway's history table, in the schema of migrate's. Default
		 * {@code flyway_schema_history}.
		 * @param flywayHistoryTable a plain identifier
		 * @return this builder
		 */
		public Builder flywayHistoryTable(String flywayHistoryTable) {
			Assert.hasText(flywayHistoryTable, "'flywayHistoryTable' must not be empty");
			this.flywayHistoryTable = flywayHistoryTable;
			return this;
		}

		/**
		 * How many times to retry the first connection to the database, for a database
		 * that starts after the application. Default 0. Only a failure to obtain a
		 * connection is retried, and only before the engine has inspected the database
		 * once; statements of migrations never are.
		 * @param connectRetries the number of retries after the first attempt
		 * @return this builder
		 */
		public Builder connectRetries(int connectRetries) {
			this.connectRetries = connectRetries;
			return this;
		}

		/**
		 * Time between two attempts of the first connection. Default 10 seconds.
		 * @param connectRetriesInterval the interval
		 * @return this builder
		 */
		public Builder connectRetriesInterval(Duration connectRetriesInterval) {
			Assert.notNull(connectRetriesInterval, "'connectRetriesInterval' must not be null");
			this.connectRetriesInterval = connectRetriesInterval;
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
		 * How messages name settings and operations. Default {@link Vocabulary#ENGINE}:
		 * {@link Migrator} methods and builder settings. The Spring Boot starter names
		 * its properties and commands instead.
		 * @param vocabulary the vocabulary
		 * @return this builder
		 */
		public Builder vocabulary(Vocabulary vocabulary) {
			Assert.notNull(vocabulary, "'vocabulary' must not be null");
			this.vocabulary = vocabulary;
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
