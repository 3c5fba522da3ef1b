package dev.migrate.internal;

import java.util.List;

import javax.sql.DataSource;

import dev.migrate.DatabaseInfo;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.Dialects;
import dev.migrate.history.HistoryRow;
import dev.migrate.history.SchemaHistory;
import dev.migrate.lock.MigrationLock;
import dev.migrate.lock.MigrationLocks;
import dev.migrate.resolver.ResolvedMigration;
import org.jspecify.annotations.Nullable;

/**
 * What every operation works with, built once per engine on first use of the database:
 * the settings, the migrations in the code, the database's dialect, the history table,
 * the lock, and the runners of migrations. Immutable, apart from the installing user,
 * which is looked up only when something is to be written, before the lock is taken.
 */
public final class Engine {

	private final EngineSettings settings;

	private final List<ResolvedMigration> migrations;

	private final Dialect dialect;

	private final DatabaseInfo database;

	private final SchemaHistory history;

	private final DataSource dataSource;

	private final DataSource ownStatements;

	// Built on first use, under this engine's lock: a start with nothing pending takes no
	// lock and runs nothing, so it need not load their classes (a lambda creating one
	// would: its signature names the class).
	private @Nullable MigrationLock lock;

	private @Nullable MigrationExecutor executor;

	private @Nullable MigrationPlanner planner;

	private final ChecksumCheck checksums = ChecksumCheck.readingClassFiles();

	private volatile @Nullable String installedBy;

	/**
	 * Connect an engine to its database: detects the dialect (unless configured) on one
	 * connection.
	 * @param dataSource the data source to migrate
	 * @param settings the settings
	 * @param migrations the migrations in the code, ordered by version
	 */
	public Engine(DataSource dataSource, EngineSettings settings, List<ResolvedMigration> migrations) {
		this.settings = settings;
		this.migrations = migrations;
		Dialects.Inspection inspection = Dialects.inspect(dataSource, settings.dialect());
		this.dialect = inspection.dialect();
		this.database = inspection.info();
		this.dataSource = dataSource;
		// The engine's own statements auto-commit, outside any transaction of the caller.
		this.ownStatements = new AutoCommitDataSource(dataSource);
		this.history = new SchemaHistory(this.ownStatements, this.dialect, settings.schema(), settings.table());
	}

	public EngineSettings settings() {
		return this.settings;
	}

	public List<ResolvedMigration> migrations() {
		return this.migrations;
	}

	public Dialect dialect() {
		return this.dialect;
	}

	public DatabaseInfo database() {
		return this.database;
	}

	public SchemaHistory history() {
		return this.history;
	}

	public synchronized MigrationLock lock() {
		MigrationLock lock = this.lock;
		if (lock == null) {
			lock = MigrationLocks.create(this.dialect, this.ownStatements, this.settings.schema(),
					this.settings.table(), this.settings.lockLease());
			this.lock = lock;
		}
		return lock;
	}

	public synchronized MigrationExecutor executor() {
		MigrationExecutor executor = this.executor;
		if (executor == null) {
			executor = new MigrationExecutor(this.dataSource, this.dialect, this.database, this.history,
					this.settings.transactionMode(), this::installedBy, this.settings.listeners());
			this.executor = executor;
		}
		return executor;
	}

	public synchronized MigrationPlanner planner() {
		MigrationPlanner planner = this.planner;
		if (planner == null) {
			planner = new MigrationPlanner(this.dataSource, this.dialect, this.database,
					this.settings.transactionMode());
			this.planner = planner;
		}
		return planner;
	}

	/**
	 * Merge the migrations in the code with history rows.
	 * @param rows the rows, in the order written
	 * @return the merged view
	 */
	public MergedMigrations merge(List<HistoryRow> rows) {
		return new MergedMigrations(this.migrations, rows, this.checksums, this.settings.validateChecksums());
	}

	/**
	 * Read the whole history and merge it with the code.
	 * @return the merged view
	 */
	public MergedMigrations readMerged() {
		return merge(this.history.read());
	}

	/**
	 * Who the history records as applying or rolling back migrations: the configured
	 * name, else the database user, looked up once, on a connection of its own: call it
	 * before taking the lock, so that the lock's and a migration's connections are all an
	 * operation holds at once.
	 * @return the name
	 */
	public String installedBy() {
		String user = this.installedBy;
		if (user == null) {
			user = (this.settings.installedBy() != null) ? this.settings.installedBy() : this.history.currentUser();
			this.installedBy = user;
		}
		return user;
	}

}
