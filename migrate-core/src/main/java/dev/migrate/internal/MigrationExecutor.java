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
import dev.migrate.MigrationLockLostException;
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
import dev.migrate.lock.MigrationLock;
import dev.migrate.resolver.MigrationMethod;
import dev.migrate.resolver.ResolvedMigration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Runs {@code up} and {@code down} methods, each with its history change, in the
 * transaction its mode asks for. Where DDL is transactional, a migration and its history
 * row commit or roll back together; elsewhere the history records that a migration
 * started before it runs, so an interruption is never lost.
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
	 * @param lock the migration lock, checked before each migration and each commit
	 * @return what was applied
	 * @throws MigrationFailedException if one fails; those before it stay applied unless
	 * the mode is {@link TransactionMode#ALL} on a database with transactional DDL
	 * @throws MigrationLockLostException if the lock was lost
	 */
	public List<MigrationExecution> apply(List<ResolvedMigration> migrations, int firstRank,
			@Nullable Version versionBefore, MigrationLock.Held lock) {
		if (migrations.isEmpty()) {
			return List.of();
		}
		if (this.mode == TransactionMode.ALL && this.dialect.supportsTransactionalDdl()) {
			return applyInOneTransaction(migrations, firstRank, versionBefore, lock);
		}
		if (this.mode == TransactionMode.ALL) {
			logger.warn(this.dialect.name() + " commits DDL as it runs, so transaction mode ALL cannot undo a run;"
					+ " applying each migration in its own transaction instead");
		}
		List<MigrationExecution> executions = new ArrayList<>(migrations.size());
		int rank = firstRank;
		Version current = versionBefore;
		for (ResolvedMigration migration : migrations) {
			executions.add(applyOne(migration, rank++, current, executions, lock));
			current = migration.version();
		}
		return executions;
	}

	private MigrationExecution applyOne(ResolvedMigration migration, int rank, @Nullable Version current,
			List<MigrationExecution> done, MigrationLock.Held lock) {
		boolean transactional = migration.effectiveTransactionMode(this.mode) != TransactionMode.NONE;
		boolean atomic = transactional && this.dialect.supportsTransactionalDdl();
		verifyBefore(lock, migration, Direction.UP);
		Connection connection = openConnection(migration);
		try {
			JdbcTemplate jdbc = bound(connection);
			if (!atomic) {
				// Recorded, and committed, before the work, which commits as it goes: a
				// crash leaves a trace.
				setAutoCommit(connection, true);
				insert(() -> this.history.insertRunning(jdbc, record(migration, rank)), migration, rank, atomic);
			}
			long start = System.nanoTime();
			setAutoCommit(connection, !transactional);
			try (MigrationTransaction transaction = MigrationTransaction.begin(this.dataSource, connection,
					transactional, describeMigration(migration))) {
				try {
					invoke(migration, migration.up(), Direction.UP, transaction);
					long millis = elapsedMillis(start);
					verifyBeforeCommit(lock, migration, Direction.UP, atomic, transaction);
					if (atomic) {
						insert(() -> this.history.insertApplied(jdbc, record(migration, rank),
								Duration.ofMillis(millis)), migration, rank, atomic);
					}
					else {
						this.history.finish(jdbc, rank, HistoryStatus.SUCCESS, Duration.ofMillis(millis), null);
					}
					transaction.commit();
					logger.info("Applied migration " + migration.version() + " (" + migration.description() + ") in "
							+ millis + " ms");
					return new MigrationExecution(migration.version(), migration.description(), migration.beanName(),
							Action.APPLIED, Duration.ofMillis(millis));
				}
				catch (MigrationLockLostException ex) {
					rollback(transaction);
					throw ex;
				}
				catch (Throwable ex) {
					rollback(transaction);
					if (!atomic) {
						recordFailure(connection, () -> this.history.finish(bound(connection), rank,
								HistoryStatus.FAILED, Duration.ofMillis(elapsedMillis(start)), describe(ex)));
					}
					throw failedUp(migration, ex, atomic, current, done);
				}
			}
		}
		finally {
			close(connection);
		}
	}

	private List<MigrationExecution> applyInOneTransaction(List<ResolvedMigration> migrations, int firstRank,
			@Nullable Version versionBefore, MigrationLock.Held lock) {
		List<MigrationExecution> executions = new ArrayList<>(migrations.size());
		verifyBefore(lock, migrations.get(0), Direction.UP);
		Connection connection = openConnection(migrations.get(0));
		try {
			JdbcTemplate jdbc = bound(connection);
			setAutoCommit(connection, false);
			try (MigrationTransaction transaction = MigrationTransaction.begin(this.dataSource, connection, true,
					"the migrations of transaction mode ALL")) {
				int rank = firstRank;
				ResolvedMigration migration = migrations.get(0);
				try {
					for (ResolvedMigration next : migrations) {
						migration = next;
						lock.verify();
						long start = System.nanoTime();
						invoke(migration, migration.up(), Direction.UP, transaction);
						long millis = elapsedMillis(start);
						int nextRank = rank++;
						ResolvedMigration applied = migration;
						insert(() -> this.history.insertApplied(jdbc, record(applied, nextRank),
								Duration.ofMillis(millis)), migration, nextRank, true);
						executions.add(new MigrationExecution(migration.version(), migration.description(),
								migration.beanName(), Action.APPLIED, Duration.ofMillis(millis)));
					}
					verifyBeforeCommit(lock, migration, Direction.UP, true, transaction);
					transaction.commit();
				}
				catch (MigrationLockLostException ex) {
					rollback(transaction);
					throw ex;
				}
				catch (Throwable ex) {
					rollback(transaction);
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
	 * @param lock the migration lock, checked before the migration and its commit
	 * @return what was done
	 * @throws MigrationFailedException if {@code down} fails
	 * @throws MigrationLockLostException if the lock was lost
	 */
	public MigrationExecution rollback(ResolvedMigration migration, HistoryRow row, MigrationLock.Held lock) {
		MigrationMethod down = migration.down();
		if (down == null) {
			throw new IllegalStateException(migration.describe() + " has no down method");
		}
		boolean transactional = migration.effectiveTransactionMode(this.mode) != TransactionMode.NONE;
		boolean atomic = transactional && this.dialect.supportsTransactionalDdl();
		verifyBefore(lock, migration, Direction.DOWN);
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
			setAutoCommit(connection, !transactional);
			try (MigrationTransaction transaction = MigrationTransaction.begin(this.dataSource, connection,
					transactional, describeMigration(migration))) {
				try {
					invoke(migration, down, Direction.DOWN, transaction);
					verifyBeforeCommit(lock, migration, Direction.DOWN, atomic, transaction);
					this.history.markRolledBack(jdbc, row.installedRank(), this.installedBy.get());
					transaction.commit();
				}
				catch (MigrationLockLostException ex) {
					rollback(transaction);
					throw ex;
				}
				catch (Throwable ex) {
					rollback(transaction);
					if (!atomic) {
						recordFailure(connection, () -> this.history.markRollbackFailed(bound(connection),
								row.installedRank(), "down failed: " + describe(ex)));
					}
					throw failedDown(migration, ex, atomic);
				}
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

	private void invoke(ResolvedMigration migration, MigrationMethod method, Direction direction,
			MigrationTransaction transaction) throws Throwable {
		MigrationRun run = new MigrationRun(migration.version(), migration.description(), migration.beanName(),
				direction);
		MigrationListeners.notify(this.listeners, (listener) -> listener.beforeMigration(run));
		long start = System.nanoTime();
		Throwable failure = null;
		try {
			transaction.runUserCode(() -> method.invoke(migration.bean(),
					new DefaultMigrationContext(migration, direction, this.database, transaction.connection())));
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

	private void verifyBefore(MigrationLock.Held lock, ResolvedMigration migration, Direction direction) {
		try {
			lock.verify();
		}
		catch (MigrationLockLostException ex) {
			throw new MigrationLockLostException(ex.getLockName(),
					new Diagnosis(Text.of(ex.getMessage() + " migrate stopped before "
							+ (direction == Direction.UP ? "applying " : "rolling back ") + describeMigration(migration)
							+ "."),
							Text.of("Nothing of it was changed: the migrations before it in this run are applied (see the"
									+ " history table), and another instance that holds the lock now goes on with the rest."),
							Text.of("Nothing to do if another instance migrates; else start again.")),
					ex);
		}
	}

	private void verifyBeforeCommit(MigrationLock.Held lock, ResolvedMigration migration, Direction direction,
			boolean atomic, MigrationTransaction transaction) {
		try {
			lock.verify();
		}
		catch (MigrationLockLostException ex) {
			rollback(transaction);
			String method = (direction == Direction.UP) ? "up" : "down";
			Text state = atomic
					? Text.of("Its " + method + " ran but was rolled back, with its history row (" + this.dialect.name()
							+ " DDL is transactional): nothing of it was committed, and another instance that holds"
							+ " the lock now may apply it.")
					: Text.of("Its " + method + " ran and " + this.dialect.name() + " committed its DDL as it ran;"
							+ " the history records it as " + (direction == Direction.UP ? "RUNNING" : "ROLLING_BACK")
							+ ", so the instance that holds the lock now stops and reports it as interrupted.");
			Text advice = atomic ? Text.of("Nothing to do if another instance migrates; else start again.")
					: ((direction == Direction.UP)
							? Advice.partialChanges(migration.describe(), method, migration.isReversible())
							: Advice.interruptedRollback(migration.describe()));
			throw new MigrationLockLostException(ex.getLockName(), new Diagnosis(Text
				.of(ex.getMessage() + " migrate stopped before committing " + describeMigration(migration) + "."),
					state, advice), ex);
		}
	}

	/**
	 * Write a history row; a row of that rank written meanwhile means another instance
	 * migrated without the lock this one believed it held.
	 */
	private void insert(Runnable insert, ResolvedMigration migration, int rank, boolean atomic) {
		try {
			insert.run();
		}
		catch (DuplicateKeyException ex) {
			throw new MigrationLockLostException(this.history.qualifiedName(), new Diagnosis(
					Text.of(describeMigration(migration) + " could not be recorded: " + this.history.qualifiedName()
							+ " already holds a row with installed_rank " + rank
							+ ": another instance migrated meanwhile, while this one believed it held the migration"
							+ " lock (its lock was lost)."),
					atomic ? Text.of("This instance's transaction was rolled back: nothing of it was committed.")
							: Text.of("This instance's statements of the migration may have run."),
					Text.of("Check the history table: if migration " + migration.version()
							+ " was applied by the other instance, nothing is left to do; else start again.")),
					ex);
		}
	}

	private static void rollback(MigrationTransaction transaction) {
		SQLException failure = transaction.rollback();
		if (failure != null) {
			logger.debug("Rollback after a failed migration failed", failure);
		}
	}

	private MigrationRecord record(ResolvedMigration migration, int rank) {
		return new MigrationRecord(rank, migration.version(), migration.description(), migration.beanName(),
				migration.className(), migration.checksum(), this.installedBy.get(), migration.classHash());
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
								+ " happened; it is recorded as ROLLBACK_FAILED in " + this.history.qualifiedName()
								+ " and migrate will not go on until it is resolved."),
						Advice.interruptedRollback(migration.describe()));
		return new MigrationFailedException(diagnosis, migration.version(), migration.beanName(), Direction.DOWN, ex);
	}

	private static String describeMigration(ResolvedMigration migration) {
		return "Migration " + migration.version() + " (" + migration.description() + ", bean '" + migration.beanName()
				+ "', " + migration.className() + ")";
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

	private static void close(Connection connection) {
		try {
			if (!connection.getAutoCommit()) {
				// Whatever is left uncommitted goes: turning auto-commit on would commit
				// it.
				connection.rollback();
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
