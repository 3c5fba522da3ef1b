package dev.migrate.boot.autoconfigure;

import java.util.Locale;

import dev.migrate.MigrateConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.MigrationContext.Direction;
import dev.migrate.MigrationDefinitionException;
import dev.migrate.MigrationFailedException;
import dev.migrate.MigrationLockException;
import dev.migrate.MigrationValidationException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * {@link FailureAnalyzer} that turns migrate's start-up errors into Boot's "APPLICATION
 * FAILED TO START" report: which migration, what happened, and what to do.
 *
 * @author migrate
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class MigrateFailureAnalyzer implements FailureAnalyzer {

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof MigrateCommandCompletedException completed) {
				return analyze(completed);
			}
			if (candidate instanceof MigrateException migrateException) {
				return analyze(migrateException);
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return null;
	}

	private FailureAnalysis analyze(MigrateException ex) {
		if (ex instanceof MigrationFailedException failed) {
			return new FailureAnalysis(ex.getMessage(), failedAction(failed), ex);
		}
		if (ex instanceof MigrationValidationException) {
			return new FailureAnalysis(ex.getMessage(),
					"Resolve each problem as it says. In short: a failed or interrupted migration needs its partial"
							+ " changes undone and --migrate.command=repair, or --migrate.command=rollback to let its"
							+ " down clean up; a migration changed after it was applied must be reverted (or accepted"
							+ " with repair if harmless); a removed one restored (or dropped from the history with"
							+ " repair); an out-of-order one given a higher version (or allowed with"
							+ " migrate.out-of-order=true).",
					ex);
		}
		if (ex instanceof MigrationLockException) {
			return new FailureAnalysis(ex.getMessage(),
					"Wait for the other instance to finish migrating and start again, or raise migrate.lock-timeout."
							+ " If the holder of the lock is dead, end its database session.",
					ex);
		}
		if (ex instanceof MigrationDefinitionException) {
			return new FailureAnalysis(ex.getMessage(),
					"Fix the @Migration classes named above: one unique version each, one public 'up' method and at"
							+ " most one public 'down' method, with parameters among JdbcTemplate,"
							+ " NamedParameterJdbcTemplate, JdbcClient, Connection, DataSource and MigrationContext.",
					ex);
		}
		if (ex instanceof DdlAutoConflictException conflict) {
			return new FailureAnalysis(ex.getMessage(), "Remove " + conflict.getProperty()
					+ ": with migrate enabled, Hibernate then leaves the schema alone. Set it to 'validate' to have"
					+ " Hibernate check the entities against the migrated schema, or set migrate.enabled=false if"
					+ " Hibernate should manage the schema instead.", ex);
		}
		if (ex instanceof MigrationBeanCycleException cycle) {
			return new FailureAnalysis(ex.getMessage(), "Do not inject the EntityManagerFactory, repositories,"
					+ " JdbcTemplate or JdbcClient beans into '" + cycle.getBeanName()
					+ "' (nor beans that use them). Declare a JdbcTemplate, JdbcClient or MigrationContext parameter on"
					+ " its up and down methods instead: it is bound to the migration's connection and transaction.",
					ex);
		}
		if (ex instanceof MigrateConfigurationException) {
			return new FailureAnalysis(ex.getMessage(),
					"Correct the migrate.* property named above (or the MigrateConfigurationCustomizer that sets it).",
					ex);
		}
		if (ex.getCause() instanceof CannotGetJdbcConnectionException) {
			return new FailureAnalysis(ex.getMessage(), "Start the database, or correct the connection that migrate"
					+ " uses: spring.datasource.url, spring.datasource.username and spring.datasource.password, or"
					+ " migrate.url, migrate.user and migrate.password when they are set.", ex);
		}
		return new FailureAnalysis(ex.getMessage(), "Fix the cause described above and start the application again.",
				ex);
	}

	private String failedAction(MigrationFailedException ex) {
		String migration = "migration " + ex.getVersion()
				+ ((ex.getBeanName() != null) ? " (bean '" + ex.getBeanName() + "')" : "");
		String method = (ex.getDirection() == Direction.UP) ? "up" : "down";
		return "Fix the " + method + " method of " + migration + " and start the application again. If the migration"
				+ " ran without a transaction, check the database for the changes it made before failing and undo"
				+ " them; then clear its failed entry with --migrate.command=repair.";
	}

	private FailureAnalysis analyze(MigrateCommandCompletedException ex) {
		MigrateCommandResult result = ex.getResult();
		String command = result.command().name().toLowerCase(Locale.ROOT);
		return new FailureAnalysis(
				"migrate.command=" + command + " ran (exit code " + result.exitCode()
						+ ") and the application was stopped on purpose:" + System.lineSeparator() + result.report(),
				"Remove the migrate.command property to start the application normally.", ex);
	}

}
