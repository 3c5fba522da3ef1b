package dev.migrate.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrate.DatabaseInfo;
import dev.migrate.MigrateException;
import dev.migrate.MigrationContext.Direction;
import dev.migrate.MigrationFailedException;
import dev.migrate.PlanResult.PlannedMigration;
import dev.migrate.TransactionMode;
import dev.migrate.dialect.Dialect;
import dev.migrate.resolver.MigrationMethod;
import dev.migrate.resolver.ResolvedMigration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Plans migrations: runs their {@code up} (or {@code down}) methods with every statement
 * recorded. Where DDL is transactional, the statements really run, against the real
 * schema, in one transaction that is always rolled back, so the plan validates them too.
 * Elsewhere they are only recorded. Nothing is written to the history.
 */
public final class MigrationPlanner {

	private static final Log logger = LogFactory.getLog(MigrationPlanner.class);

	private final DataSource dataSource;

	private final Dialect dialect;

	private final DatabaseInfo database;

	private final TransactionMode mode;

	public MigrationPlanner(DataSource dataSource, Dialect dialect, DatabaseInfo database, TransactionMode mode) {
		this.dataSource = dataSource;
		this.dialect = dialect;
		this.database = database;
		this.mode = mode;
	}

	/**
	 * Plan migrations in the order given.
	 * @param migrations the migrations
	 * @param direction whether to plan their {@code up} or their {@code down}
	 * @return the planned statements per migration
	 * @throws MigrationFailedException if a migration fails against the real schema
	 */
	public List<PlannedMigration> plan(List<ResolvedMigration> migrations, Direction direction) {
		List<PlannedMigration> planned = new ArrayList<>(migrations.size());
		if (migrations.isEmpty()) {
			return planned;
		}
		Connection connection;
		try {
			connection = this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not open a connection to plan migrations: " + ex.getMessage(), ex);
		}
		try {
			SqlLiteralStyle literals = SqlLiteralStyle.detect(this.database, connection);
			connection.setAutoCommit(false);
			for (ResolvedMigration migration : migrations) {
				planned.add(planOne(migration, direction, connection, literals));
			}
			return planned;
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not start the plan's transaction: " + ex.getMessage(), ex);
		}
		finally {
			try {
				connection.rollback();
				connection.setAutoCommit(true);
			}
			catch (SQLException ex) {
				logger.warn("Could not roll back the plan's transaction", ex);
			}
			try {
				connection.close();
			}
			catch (SQLException ex) {
				logger.debug("Could not close the plan's connection", ex);
			}
		}
	}

	private PlannedMigration planOne(ResolvedMigration migration, Direction direction, Connection connection,
			SqlLiteralStyle literals) {
		MigrationMethod method = (direction == Direction.UP) ? migration.up() : migration.down();
		if (method == null) {
			throw new IllegalStateException(migration.describe() + " has no down method");
		}
		TransactionMode migrationMode = migration.effectiveTransactionMode(this.mode);
		String note = null;
		if (!this.dialect.supportsTransactionalDdl()) {
			note = this.dialect.name() + " commits DDL as it runs, so these statements were recorded without"
					+ " running: not validated against the schema, and queries returned no rows.";
		}
		else if (migrationMode == TransactionMode.NONE) {
			note = "This migration runs without a transaction (transaction = NONE), so its statements were recorded"
					+ " without running: not validated against the schema.";
		}
		boolean validated = note == null;
		StatementRecorder recorder = validated ? StatementRecorder.executing(literals)
				: StatementRecorder.dry(literals);
		Connection recording = recorder.wrap(connection);
		try {
			BoundInvocation.invoke(this.dataSource, this.database, migration, method, direction, recording);
		}
		catch (Throwable ex) {
			if (validated) {
				List<String> ran = recorder.statements();
				throw new MigrationFailedException("Plan failed: migration " + migration.version() + " ("
						+ migration.description() + ", bean '" + migration.beanName() + "', " + migration.className()
						+ ") fails in " + direction.name().toLowerCase() + " against" + " the real schema: "
						+ MigrationExecutor.describe(ex)
						+ (ran.isEmpty() ? "" : ". Last statement: " + ran.get(ran.size() - 1))
						+ ". Nothing was changed (the plan's transaction was rolled back). Fix the migration before"
						+ " deploying it.", migration.version(), migration.beanName(), direction, ex);
			}
			note = note + " Recording stopped early: " + MigrationExecutor.describe(ex)
					+ " (probably a query that returned no rows in this dry run).";
		}
		return new PlannedMigration(migration.version(), migration.description(), migration.beanName(),
				recorder.statements(), validated, note);
	}

}
