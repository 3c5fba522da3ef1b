package dev.migrate.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.ChecksumValidation;
import dev.migrate.FlywayHistoryMode;
import dev.migrate.TransactionMode;
import dev.migrate.boot.autoconfigure.command.MigrateCommand;
import dev.migrate.tenant.FailurePolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration properties of migrate, under {@code migrate.*}. A {@code migrate.*} key
 * that none of them binds fails the start: a typo such as {@code migrate.enable=false}
 * must not be ignored. A new {@code migrate.*} property therefore belongs here, or in a
 * nested group of this class.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(prefix = "migrate", ignoreUnknownFields = false)
public class MigrateProperties {

	/**
	 * Whether to enable migrate: apply pending migrations at start-up, or run the
	 * operation of migrate.command.
	 */
	private boolean enabled = true;

	/**
	 * What to do with the database at start-up: 'migrate' (apply the pending migrations
	 * up to migrate.target), 'validate' (apply nothing and fail the start if a migration
	 * up to migrate.target is pending, or one is failed, missing or changed) or 'none'
	 * (no database work). Ignored when migrate.command is set or the application defines
	 * its own MigrateMigrationStrategy bean.
	 */
	private MigrateStartupMode onStartup = MigrateStartupMode.MIGRATE;

	/**
	 * Name of the history table that records applied migrations. The lock table, where
	 * one is needed, takes this name with a '_lock' suffix.
	 */
	private String table = "migrate_history";

	/**
	 * Locations of migrations written as SQL files, next to the @Migration beans:
	 * V<version>__<description>.sql applies one, an optional
	 * U<version>__<description>.sql undoes it. Folders below each location are searched
	 * too; a location that does not exist holds none.
	 */
	private List<String> locations = new ArrayList<>(Collections.singletonList("classpath:db/migration"));

	/**
	 * Schema of the history table. Created if missing. Defaults to the current schema of
	 * the connection.
	 */
	private @Nullable String schema;

	/**
	 * How migrations use transactions: 'per-migration' (each with its history row), 'all'
	 * (every pending migration of a run in one transaction) or 'none' (auto-commit).
	 */
	private TransactionMode transactionMode = TransactionMode.PER_MIGRATION;

	/**
	 * Whether to apply pending migrations whose version is below the latest applied one,
	 * instead of reporting them as an error.
	 */
	private boolean outOfOrder;

	/**
	 * What a changed checksum of an applied migration means: 'fail' (refuse to migrate),
	 * 'warn' (log a warning and start) or 'off' (do not compare).
	 */
	private ChecksumValidation validateChecksums = ChecksumValidation.FAIL;

	/**
	 * Maximum time to wait for the migration lock while another instance migrates. If a
	 * duration suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration lockTimeout = Duration.ofMinutes(5);

	/**
	 * Lease of the lock row on databases without session locks: how long a crashed
	 * instance can keep the others waiting. If a duration suffix is not specified,
	 * seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration lockLease = Duration.ofSeconds(30);

	/**
	 * Number of times to retry the first connection to the database, for a database that
	 * starts after the application. Only a failure to connect is retried, never a
	 * migration.
	 */
	private int connectRetries;

	/**
	 * Time between two attempts of the first connection to the database. If a duration
	 * suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration connectRetriesInterval = Duration.ofSeconds(10);

	/**
	 * What to do when the migrate history table is empty and the schema holds Flyway's
	 * 'flyway_schema_history': 'refuse' (change nothing and say how to adopt or ignore
	 * it), 'adopt' (carry the versions Flyway applied over into the migrate history, with
	 * their descriptions and dates, and run none of them again) or 'ignore'.
	 */
	private FlywayHistoryMode flywayHistory = FlywayHistoryMode.REFUSE;

	/**
	 * Version recorded by the baseline command and by baseline-on-migrate: the migrations
	 * up to it count as already applied.
	 */
	private String baselineVersion = "1";

	/**
	 * Whether to baseline a schema that has tables but no history table before migrating
	 * it, for databases that existed before migrate.
	 */
	private boolean baselineOnMigrate;

	/**
	 * Version to migrate up to, or to roll back to with the rollback command ('0' rolls
	 * back everything). Defaults to the latest version when migrating. The rollback and
	 * plan commands refuse it together with steps.
	 */
	private @Nullable String target;

	/**
	 * Number of migrations that the rollback command rolls back, newest first. Defaults
	 * to 1. With the plan command, plans such a rollback. The rollback and plan commands
	 * refuse it together with a target.
	 */
	private @Nullable Integer steps;

	/**
	 * File that the plan command writes the planned SQL script to, in addition to
	 * printing it.
	 */
	private @Nullable Path planOutput;

	/**
	 * Operation to run instead of starting the application. The application prints a
	 * report and exits, with code 0 on success and non-zero on failure, without starting
	 * the web server.
	 */
	private @Nullable MigrateCommand command;

	/**
	 * Database that migrate.command works on: 'primary', a database of migrate.databases,
	 * or the tenants ('tenants', or the name of migrate.tenants.database). Defaults to
	 * all of them, in that order.
	 */
	private @Nullable String database;

	/**
	 * Tenant that migrate.command works on, one that migrate.tenants.names or the
	 * application's TenantSource lists. Defaults to every tenant.
	 */
	private @Nullable String tenant;

	private final Generate generate = new Generate();

	/**
	 * JDBC URL of the database to migrate, to use a dedicated connection instead of the
	 * application's DataSource.
	 */
	private @Nullable String url;

	/**
	 * Login user of the database to migrate, for example an account allowed to run DDL.
	 * Used with migrate.url, or with the URL of the application's DataSource.
	 */
	private @Nullable String user;

	/**
	 * Login password of the database to migrate.
	 */
	private @Nullable String password;

	/**
	 * Fully qualified name of the JDBC driver of migrate.url. Auto-detected from the URL
	 * by default.
	 */
	private @Nullable String driverClassName;

	/**
	 * Name that the history table records as having applied the migrations. Defaults to
	 * the database user.
	 */
	private @Nullable String installedBy;

	private final Tenants tenants = new Tenants();

	private final Index index = new Index();

	/**
	 * Databases migrated besides the primary one, by name: each gets the migrations
	 * whose @Migration names it in its database attribute.
	 */
	private final Map<String, Database> databases = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public MigrateStartupMode getOnStartup() {
		return this.onStartup;
	}

	public void setOnStartup(MigrateStartupMode onStartup) {
		this.onStartup = onStartup;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = table;
	}

	public @Nullable String getSchema() {
		return this.schema;
	}

	public void setSchema(@Nullable String schema) {
		this.schema = schema;
	}

	public TransactionMode getTransactionMode() {
		return this.transactionMode;
	}

	public void setTransactionMode(TransactionMode transactionMode) {
		this.transactionMode = transactionMode;
	}

	public boolean isOutOfOrder() {
		return this.outOfOrder;
	}

	public void setOutOfOrder(boolean outOfOrder) {
		this.outOfOrder = outOfOrder;
	}

	public ChecksumValidation getValidateChecksums() {
		return this.validateChecksums;
	}

	public void setValidateChecksums(ChecksumValidation validateChecksums) {
		this.validateChecksums = validateChecksums;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public Duration getLockLease() {
		return this.lockLease;
	}

	public void setLockLease(Duration lockLease) {
		this.lockLease = lockLease;
	}

	public int getConnectRetries() {
		return this.connectRetries;
	}

	public void setConnectRetries(int connectRetries) {
		this.connectRetries = connectRetries;
	}

	public Duration getConnectRetriesInterval() {
		return this.connectRetriesInterval;
	}

	public void setConnectRetriesInterval(Duration connectRetriesInterval) {
		this.connectRetriesInterval = connectRetriesInterval;
	}

	public FlywayHistoryMode getFlywayHistory() {
		return this.flywayHistory;
	}

	public void setFlywayHistory(FlywayHistoryMode flywayHistory) {
		this.flywayHistory = flywayHistory;
	}

	public String getBaselineVersion() {
		return this.baselineVersion;
	}

	public void setBaselineVersion(String baselineVersion) {
		this.baselineVersion = baselineVersion;
	}

	public boolean isBaselineOnMigrate() {
		return this.baselineOnMigrate;
	}

	public void setBaselineOnMigrate(boolean baselineOnMigrate) {
		this.baselineOnMigrate = baselineOnMigrate;
	}

	public @Nullable String getTarget() {
		return this.target;
	}

	public void setTarget(@Nullable String target) {
		this.target = target;
	}

	public @Nullable Integer getSteps() {
		return this.steps;
	}

	public void setSteps(@Nullable Integer steps) {
		this.steps = steps;
	}

	public @Nullable Path getPlanOutput() {
		return this.planOutput;
	}

	public void setPlanOutput(@Nullable Path planOutput) {
		this.planOutput = planOutput;
	}

	public @Nullable MigrateCommand getCommand() {
		return this.command;
	}

	public void setCommand(@Nullable MigrateCommand command) {
		this.command = command;
	}

	public @Nullable String getDatabase() {
		return this.database;
	}

	public void setDatabase(@Nullable String database) {
		this.database = database;
	}

	public @Nullable String getTenant() {
		return this.tenant;
	}

	public void setTenant(@Nullable String tenant) {
		this.tenant = tenant;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getDriverClassName() {
		return this.driverClassName;
	}

	public void setDriverClassName(@Nullable String driverClassName) {
		this.driverClassName = driverClassName;
	}

	public @Nullable String getInstalledBy() {
		return this.installedBy;
	}

	public void setInstalledBy(@Nullable String installedBy) {
		this.installedBy = installedBy;
	}

	public Generate getGenerate() {
		return this.generate;
	}

	/**
	 * Settings of the generate command, which writes the next migration from the JPA
	 * entities.
	 */
	public static class Generate {

		/**
		 * Class name of the migration that the generate command writes, a Java identifier
		 * such as AddDisplayNameToUsers. Required by the generate command.
		 */
		private @Nullable String name;

		/**
		 * Source directory that the generate command writes the migration into, below its
		 * package's directories.
		 */
		private Path directory = Path.of("src", "main", "java");

		/**
		 * Package of the migration that the generate command writes. Defaults to the
		 * package of the newest existing migration.
		 */
		@Name("package")
		private @Nullable String packageName;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(Path directory) {
			this.directory = directory;
		}

		public @Nullable String getPackageName() {
			return this.packageName;
		}

		public void setPackageName(@Nullable String packageName) {
			this.packageName = packageName;
		}

	}

	public Index getIndex() {
		return this.index;
	}

	/**
	 * Settings of the build-time index of migrations (META-INF/migrate/migrations.index).
	 */
	public static class Index {

		/**
		 * Whether to take the migrations the build-time index lists from it instead of
		 * registering them as beans by component scanning: a start then pays no bean
		 * definition for applied migrations. Each is created by the application's bean
		 * factory, with its dependencies, when it runs; other beans cannot inject it.
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	public Tenants getTenants() {
		return this.tenants;
	}

	/**
	 * Tenants that get the same migrations, each in a schema of its own.
	 */
	public static class Tenants {

		/**
		 * Whether to migrate the tenants at start-up (with migrate.on-startup=migrate),
		 * or check them (with validate).
		 */
		private boolean enabled = true;

		/**
		 * Names of the tenants, each migrated in the schema of its name in the migrated
		 * DataSource (a database of its name on MySQL and MariaDB). An application whose
		 * tenants live in a registry table provides a TenantSource bean instead.
		 */
		private List<String> names = new ArrayList<>();

		/**
		 * How many tenants are migrated at the same time. Each takes up to three
		 * connections of the pool.
		 */
		private int parallelism = 4;

		/**
		 * What happens when a tenant fails: stop starting other tenants, or continue with
		 * the others and report every failed one.
		 */
		private FailurePolicy failurePolicy = FailurePolicy.STOP;

		/**
		 * Whether start-up fails when a tenant failed (or was not started). With false,
		 * the failed tenants are logged and reported by health and the endpoint.
		 */
		private boolean failOnError = true;

		/**
		 * How often progress is logged while tenants are migrated. If a duration suffix
		 * is not specified, seconds will be used.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration progressInterval = Duration.ofSeconds(10);

		/**
		 * Name the tenants' migrations give in @Migration(database = ...), so that the
		 * application's own schema does not get them. Empty: the tenants get the
		 * migrations of the primary database.
		 */
		private String database = "";

		/**
		 * Locations of the tenants' SQL-file migrations when migrate.tenants.database
		 * names their migrations. Without migrate.tenants.database, the tenants take the
		 * SQL files of migrate.locations.
		 */
		private List<String> locations = new ArrayList<>();

		public List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(List<String> locations) {
			this.locations = locations;
		}

		public String getDatabase() {
			return this.database;
		}

		public void setDatabase(String database) {
			this.database = database;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getNames() {
			return this.names;
		}

		public void setNames(List<String> names) {
			this.names = names;
		}

		public int getParallelism() {
			return this.parallelism;
		}

		public void setParallelism(int parallelism) {
			this.parallelism = parallelism;
		}

		public FailurePolicy getFailurePolicy() {
			return this.failurePolicy;
		}

		public void setFailurePolicy(FailurePolicy failurePolicy) {
			this.failurePolicy = failurePolicy;
		}

		public boolean isFailOnError() {
			return this.failOnError;
		}

		public void setFailOnError(boolean failOnError) {
			this.failOnError = failOnError;
		}

		public Duration getProgressInterval() {
			return this.progressInterval;
		}

		public void setProgressInterval(Duration progressInterval) {
			this.progressInterval = progressInterval;
		}

	}

	public Map<String, Database> getDatabases() {
		return this.databases;
	}

	/**
	 * A database migrated besides the primary one, with the migrations that name it.
	 */
	public static class Database {

		/**
		 * Whether to migrate this database.
		 */
		private boolean enabled = true;

		/**
		 * Name of the DataSource bean of this database. Alternatively, give its url.
		 */
		private @Nullable String dataSource;

		/**
		 * JDBC URL of this database, when no DataSource bean reaches it.
		 */
		private @Nullable String url;

		/**
		 * Login user of this database, with its url.
		 */
		private @Nullable String user;

		/**
		 * Login password of this database, with its url.
		 */
		private @Nullable String password;

		/**
		 * Fully qualified name of the JDBC driver, with the url. Auto-detected from the
		 * url by default.
		 */
		private @Nullable String driverClassName;

		/**
		 * Schema of this database's history table. Defaults to the connection's current
		 * schema.
		 */
		private @Nullable String schema;

		/**
		 * Name of this database's history table.
		 */
		private String table = "migrate_history";

		/**
		 * How this database's migrations use transactions.
		 */
		private TransactionMode transactionMode = TransactionMode.PER_MIGRATION;

		/**
		 * Locations of this database's SQL-file migrations (V<version>__<description>.sql
		 * and their U<version>__<description>.sql undo files), such as
		 * classpath:db/orders. None by default: the SQL files of migrate.locations belong
		 * to the primary database.
		 */
		private List<String> locations = new ArrayList<>();

		/**
		 * Version that baseline-on-migrate records for this database.
		 */
		private String baselineVersion = "1";

		/**
		 * Whether to baseline this database when it has tables but no history table, for
		 * a database that existed before migrate.
		 */
		private boolean baselineOnMigrate;

		public List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(List<String> locations) {
			this.locations = locations;
		}

		public String getBaselineVersion() {
			return this.baselineVersion;
		}

		public void setBaselineVersion(String baselineVersion) {
			this.baselineVersion = baselineVersion;
		}

		public boolean isBaselineOnMigrate() {
			return this.baselineOnMigrate;
		}

		public void setBaselineOnMigrate(boolean baselineOnMigrate) {
			this.baselineOnMigrate = baselineOnMigrate;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getDataSource() {
			return this.dataSource;
		}

		public void setDataSource(@Nullable String dataSource) {
			this.dataSource = dataSource;
		}

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public @Nullable String getUser() {
			return this.user;
		}

		public void setUser(@Nullable String user) {
			this.user = user;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public @Nullable String getDriverClassName() {
			return this.driverClassName;
		}

		public void setDriverClassName(@Nullable String driverClassName) {
			this.driverClassName = driverClassName;
		}

		public @Nullable String getSchema() {
			return this.schema;
		}

		public void setSchema(@Nullable String schema) {
			this.schema = schema;
		}

		public String getTable() {
			return this.table;
		}

		public void setTable(String table) {
			this.table = table;
		}

		public TransactionMode getTransactionMode() {
			return this.transactionMode;
		}

		public void setTransactionMode(TransactionMode transactionMode) {
			this.transactionMode = transactionMode;
		}

	}

}
