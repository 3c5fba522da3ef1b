package dev.migrate.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.migrate.DatabaseInfo;
import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.MigrateException;
import dev.migrate.MigrationContext.Direction;
import dev.migrate.MigrationFailedException;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationListener.MigrationRun;
import dev.migrate.OperationResult.Action;
import dev.migrate.OperationResult.MigrationExecution;
import dev.migrate.OperationResult.Operation;
import dev.migrate.Remedy;
import dev.migrate.TransactionMode;
import dev.migrate.Version;
import dev.migrate.dialect.Dialect;
import dev.migrate.history.HistoryRow;
import dev.migrate.history.HistoryStatus;
import dev.migrate.history.MigrationRecord;
import dev.migrate.history.SchemaHistory;
import dev.migrate.resolver.MigrationMethod;
import dev.migrate.resolver.ResolvedMigration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Runs {@code up} and {@code down} methods, each with its history change, in the
 * transaction its mode asks for. Where DDL is transactional, a migration and its history
 * row commit or roll back together; elsewhere the history records that a migration
 * started before it runs, so an interruption is never lost.
 *
 * @author migrate
 */
public final class MigrationExecutor {

	private static final Log logger = LogFactory.getLog(MigrationExecutor.class);

	private final DataSource dataSource;

	private final Dialect dialect;

	private final DatabaseInfo database;

	private final SchemaHistory history;

	private final TransactionMode mode;

	private final Supplier<String> installedBy;

	private final List<MigrationListener> listeners;

	public MigrationExecutor(DataSource dataSource, Dialect dialect, DatabaseInfo database, SchemaHistory history,
			TransactionMode mode, Supplier<String> installedBy, List<MigrationListener> listeners) {
		this.dataSource = dataSource;
		this.dialect = dialect;
		this.database = database;
		this.history = history;
		this.mode = (mode != TransactionMode.DEFAULT) ? mode : TransactionMode.PER_MIGRATION;
		this.installedBy = installedBy;
		this.listeners = listeners;
	}

	/**
	 * Apply migrations in order.
	 * @param migrations the migrations to apply
	 * @param firstRank the installed rank of the first new history row
	 * @param versionBefore the current version, for messages
	 * @return what was applied
	 * @throws MigrationFailedException if one fails; those before it stay applied unless
	 * the mode is {@link TransactionMode#ALL} on a database with transactional DDL
	 */
	public List<MigrationExecution> apply(List<ResolvedMigration> migrations, int firstRank,
			@Nullable Version versionBefore) {
		if (migrations.isEmpty()) {
			return List.of();
		}
		if (this.mode == TransactionMode.ALL && this.dialect.supportsTransactionalDdl()) {
			return applyInOneTransaction(migrations, firstRank, versionBefore);
		}
		if (this.mode == TransactionMode.ALL) {
			logger.warn(this.dialect.name() + " commits DDL as it runs, so transaction mode ALL cannot undo a run;"
					+ " applying each migration in its own transaction instead");
		}
		List<MigrationExecution> executions = new ArrayList<>(migrations.size());
		int rank = firstRank;
		Version current = versionBefore;
		for (ResolvedMigration migration : migrations) {
			executions.add(applyOne(migration, rank++, current, executions));
			current = migration.version();
		}
		return executions;
	}

	private MigrationExecution applyOne(ResolvedMigration migration, int rank, @Nullable Version current,
			List<MigrationExecution> done) {
		boolean transactional = migration.effectiveTransactionMode(this.mode) != TransactionMode.NONE;
		boolean atomic = transactional && this.dialect.supportsTransactionalDdl();
		Connection connection = openConnection(migration);
		try {
			JdbcTemplate jdbc = bound(connection);
			if (!atomic) {
				// Recorded, and committed, before the work, which commits as it goes: a
				// crash leaves a trace.
				setAutoCommit(connection, true);
				this.history.insertRunning(jdbc, record(migration, rank));
			}
			long start = System.nanoTime();
			try {
				setAutoCommit(connection, !transactional);
				invoke(migration, migration.up(), Direction.UP, connection);
				long millis = elapsedMillis(start);
				if (atomic) {
					this.history.insertApplied(jdbc, record(migration, rank), Duration.ofMillis(millis));
				}
				else {
					this.history.finish(jdbc, rank, HistoryStatus.SUCCESS, Duration.ofMillis(millis), null);
				}
				commit(connection, transactional);
				logger.info("Applied migration " + migration.version() + " (" + migration.description() + ") in "
						+ millis + " ms");
				return new MigrationExecution(migration.version(), migration.description(), migration.beanName(),
						Action.APPLIED, Duration.ofMillis(millis));
			}
			catch (Throwable ex) {
				rollbackQuietly(connection, transactional);
				if (!atomic) {
					recordFailure(connection, () -> this.history.finish(bound(connection), rank, HistoryStatus.FAILED,
							Duration.ofMillis(elapsedMillis(start)), describe(ex)));
				}
				throw failedUp(migration, ex, atomic, current, done);
			}
		}
		finally {
			close(connection);
		}
	}

	private List<MigrationExecution> applyInOneTransaction(List<ResolvedMigration> migrations, int firstRank,
			@Nullable Version versionBefore) {
		List<MigrationExecution> executions = new ArrayList<>(migrations.size());
		Connection connection = openConnection(migrations.get(0));
		try {
			JdbcTemplate jdbc = bound(connection);
			setAutoCommit(connection, false);
			int rank = firstRank;
			for (ResolvedMigration migration : migrations) {
				long start = System.nanoTime();
				try {
					invoke(migration, migration.up(), Direction.UP, connection);
					long millis = elapsedMillis(start);
					this.history.insertApplied(jdbc, record(migration, rank++), Duration.ofMillis(millis));
					executions.add(new MigrationExecution(migration.version(), migration.description(),
							migration.beanName(), Action.APPLIED, Duration.ofMillis(millis)));
				}
				catch (Throwable ex) {
					rollbackQuietly(connection, true);
					throw new MigrationFailedException(
							new Diagnosis(
									Text.of(describeMigration(migration) + " failed in up: " + describe(ex) + "."),
									Text.of("Transaction mode ALL rolled back the whole run (" + migrations.size()
											+ " migrations): the database is at version " + display(versionBefore)
											+ " as before, and no history row was written."),
									Advice.fixAndStartAgain(migration.describe(), "up")),
							migration.version(), migration.beanName(), Direction.UP, ex);
				}
			}
			commit(connection, true);
			executions.forEach((execution) -> logger.info("Applied migration " + execution.version() + " ("
					+ execution.description() + ") in " + execution.executionTime().toMillis() + " ms"));
			return executions;
		}
		finally {
			close(connection);
		}
	}

	/**
	 * Roll back one applied (or failed) migration by running its {@code down}.
	 * @param migration the migration
	 * @param row its latest history row
	 * @return what was done
	 * @throws MigrationFailedException if {@code down} fails
	 */
	public MigrationExecution rollback(ResolvedMigration migration, HistoryRow row) {
		MigrationMethod down = migration.down();
		if (down == null) {
			throw new IllegalStateException(migration.describe() + " has no down method");
		}
		boolean transactional = migration.effectiveTransactionMode(this.mode) != TransactionMode.NONE;
		boolean atomic = transactional && this.dialect.supportsTransactionalDdl();
		Connection connection = openConnection(migration);
		try {
			JdbcTemplate jdbc = bound(connection);
			if (!atomic) {
				// Recorded before the work, which commits as it goes: a crash leaves a
				// trace.
				setAutoCommit(connection, true);
				this.history.markRollingBack(jdbc, row.installedRank(), this.installedBy.get());
			}
			long start = System.nanoTime();
			try {
				setAutoCommit(connection, !transactional);
				invoke(migration, down, Direction.DOWN, connection);
				this.history.markRolledBack(jdbc, row.installedRank(), this.installedBy.get());
				commit(connection, transactional);
			}
			catch (Throwable ex) {
				rollbackQuietly(connection, transactional);
				if (!atomic) {
					recordFailure(connection, () -> this.history.markFailed(bound(connection), row.installedRank(),
							"down failed: " + describe(ex)));
				}
				throw failedDown(migration, ex, atomic);
			}
			long millis = elapsedMillis(start);
			logger.info("Rolled back migration " + migration.version() + " (" + migration.description() + ") in "
					+ millis + " ms");
			return new MigrationExecution(migration.version(), migration.description(), migration.beanName(),
					Action.ROLLED_BACK, Duration.ofMillis(millis));
		}
		finally {
			close(connection);
		}
	}

	private void invoke(ResolvedMigration migration, MigrationMethod method, Direction direction, Connection connection)
			throws Throwable {
		MigrationRun run = new MigrationRun(migration.version(), migration.description(), migration.beanName(),
				direction);
		MigrationListeners.notify(this.listeners, (listener) -> listener.beforeMigration(run));
		long start = System.nanoTime();
		Throwable failure = null;
		try {
			BoundInvocation.invoke(this.dataSource, this.database, migration, method, direction, connection);
		}
		catch (Throwable ex) {
			failure = ex;
			throw ex;
		}
		finally {
			Duration time = Duration.ofNanos(System.nanoTime() - start);
			Throwable outcome = failure;
			MigrationListeners.notify(this.listeners, (listener) -> listener.afterMigration(run, time, outcome));
		}
	}

	private MigrationRecord record(ResolvedMigration migration, int rank) {
		return new MigrationRecord(rank, migration.version(), migration.description(), migration.beanName(),
				migration.beanClass().getName(), migration.checksum(), this.installedBy.get());
	}

	private MigrationFailedException failedUp(ResolvedMigration migration, Throwable ex, boolean atomic,
			@Nullable Version current, List<MigrationExecution> done) {
		Text what = Text.of(describeMigration(migration) + " failed in up: " + describe(ex) + ".");
		String before = done.isEmpty() ? ""
				: " The " + done.size() + " migration(s) applied before it in this run stay applied.";
		Diagnosis diagnosis;
		if (atomic) {
			diagnosis = new Diagnosis(what,
					Text.of("It was rolled back completely (" + this.dialect.name()
							+ " DDL is transactional): the database is at version " + display(current)
							+ " and no history row was written for it." + before),
					Advice.fixAndStartAgain(migration.describe(), "up"));
		}
		else {
			diagnosis = new Diagnosis(what,
					Text.of((this.dialect.supportsTransactionalDdl() ? "It ran without a transaction"
							: this.dialect.name() + " commits DDL as it runs")
							+ ", so the statements before the failure may have been applied. It is recorded as FAILED"
							+ " in " + this.history.qualifiedName() + " and migrate will not go on until it is"
							+ " resolved." + before),
					Advice.partialChanges(migration.describe(), "up", migration.isReversible()));
		}
		return new MigrationFailedException(diagnosis, migration.version(), migration.beanName(), Direction.UP, ex);
	}

	private MigrationFailedException failedDown(ResolvedMigration migration, Throwable ex, boolean atomic) {
		Text what = Text.of(describeMigration(migration) + " failed in down: " + describe(ex) + ".");
		Diagnosis diagnosis = atomic
				? new Diagnosis(what,
						Text.of("Its rollback was undone (" + this.dialect.name()
								+ " DDL is transactional): the migration is still applied."),
						Text.of("Fix the down method of " + migration.describe() + " and roll back again."))
				: new Diagnosis(what,
						Text.of(this.dialect.name() + " commits DDL as it runs, so part of the rollback may have"
								+ " happened; it is recorded as FAILED."),
						Text.of("Finish or undo the rollback by hand, then run repair (", Remedy.run(Operation.REPAIR),
								"; the migration then counts as not applied)."));
		return new MigrationFailedException(diagnosis, migration.version(), migration.beanName(), Direction.DOWN, ex);
	}

	private static String describeMigration(ResolvedMigration migration) {
		return "Migration " + migration.version() + " (" + migration.description() + ", bean '" + migration.beanName()
				+ "', " + migration.beanClass().getName() + ")";
	}

	private static String display(@Nullable Version version) {
		return (version != null) ? version.toString() : "<empty> (nothing applied)";
	}

	static String describe(Throwable ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		String message = (cause.getMessage() != null) ? cause.getMessage().strip() : "";
		// The messages built around it end sentences themselves.
		while (message.endsWith(".")) {
			message = message.substring(0, message.length() - 1);
		}
		return cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
	}

	private void recordFailure(Connection connection, Runnable record) {
		try {
			setAutoCommit(connection, true);
			record.run();
		}
		catch (RuntimeException ex) {
			logger.error("Could not record the failure in " + this.history.qualifiedName()
					+ "; the migration may be reported as still running on the next start", ex);
		}
	}

	private static JdbcTemplate bound(Connection connection) {
		return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
	}

	private Connection openConnection(ResolvedMigration migration) {
		try {
			return this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not open a connection to run " + describeMigration(migration) + ": "
					+ ex.getMessage() + ". Check that the database is reachable; nothing was changed.", ex);
		}
	}

	private static void setAutoCommit(Connection connection, boolean autoCommit) {
		try {
			if (connection.getAutoCommit() != autoCommit) {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not set auto-commit to " + autoCommit + ": " + ex.getMessage(), ex);
		}
	}

	private static void commit(Connection connection, boolean transactional) {
		if (!transactional) {
			return;
		}
		try {
			connection.commit();
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not commit the migration transaction: " + ex.getMessage(), ex);
		}
	}

	private static void rollbackQuietly(Connection connection, boolean transactional) {
		if (!transactional) {
			return;
		}
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			logger.debug("Rollback after a failed migration failed", ex);
		}
	}

	private static void close(Connection connection) {
		try {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not restore auto-commit", ex);
		}
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close the migration connection", ex);
		}
	}

	private static long elapsedMillis(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

}
