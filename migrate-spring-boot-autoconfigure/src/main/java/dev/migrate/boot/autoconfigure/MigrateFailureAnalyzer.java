package dev.migrate.boot.autoconfigure;

import java.util.List;
import java.util.Locale;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.MigrateConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;
import dev.migrate.boot.autoconfigure.command.MigrateCommandCompletedException;
import dev.migrate.boot.autoconfigure.command.MigrateCommandConfigurationException;
import dev.migrate.boot.autoconfigure.command.MigrateCommandResult;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * {@link FailureAnalyzer} that turns migrate's start-up errors into Boot's "APPLICATION
 * FAILED TO START" report: which migration, what happened, and what to do.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class MigrateFailureAnalyzer implements FailureAnalyzer {

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		List<ConfigurationProperty> unknown = MigrateUnknownProperties.in(failure);
		if (!unknown.isEmpty()) {
			return new FailureAnalysis(MigrateUnknownProperties.describe(unknown), MigrateUnknownProperties.action(),
					failure);
		}
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof MigrateCommandCompletedException completed) {
				return analyze(completed);
			}
			if (candidate instanceof MigrateCommandConfigurationException notRun) {
				return analyze(notRun);
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

	private @Nullable FailureAnalysis analyze(MigrateCommandConfigurationException ex) {
		if (ex.getAction() != null) {
			return new FailureAnalysis(ex.getMessage(), ex.getAction(), ex);
		}
		if (ex.getCause() instanceof MigrateException cause) {
			FailureAnalysis analysis = analyze(cause);
			return new FailureAnalysis("migrate.command=" + ex.getCommand() + " did not run (exit code "
					+ ex.getExitCode() + "):" + System.lineSeparator() + analysis.getDescription(),
					analysis.getAction(), cause);
		}
		// A property that does not bind: Spring Boot's own analysis describes it best.
		return null;
	}

	private FailureAnalysis analyze(MigrateException ex) {
		// A unit's own JPA properties: its diagnosis names the bean and what to do.
		if (ex instanceof DdlAutoConflictException conflict && conflict.getEntityManagerFactory() == null) {
			return new FailureAnalysis(ex.getMessage(), "Remove " + conflict.getProperty()
					+ ": with migrate enabled, Hibernate then leaves the schema alone. Set it to 'validate' to have"
					+ " Hibernate check the entities against the migrated schema, or set migrate.enabled=false if"
					+ " Hibernate should manage the schema instead.", ex);
		}
		if (ex instanceof MigrationsNotReadyException notReady) {
			return analyze(notReady);
		}
		if (ex instanceof MigrationBeanCycleException cycle) {
			return new FailureAnalysis(ex.getMessage(), "Do not inject the EntityManagerFactory, repositories,"
					+ " JdbcTemplate or JdbcClient beans into '" + cycle.getBeanName()
					+ "' (nor beans that use them). Declare a JdbcTemplate, JdbcClient or MigrationContext parameter on"
					+ " its up and down methods instead: it is bound to the migration's connection and transaction.",
					ex);
		}
		Diagnosis diagnosis = ex.getDiagnosis();
		Vocabulary vocabulary = MigratePropertiesVocabulary.INSTANCE;
		String description = new Diagnosis(diagnosis.what(), diagnosis.stateLeft(), Text.EMPTY).render(vocabulary);
		String action = diagnosis.resolution().render(vocabulary);
		if (action.isEmpty()) {
			action = fallbackAction(ex);
		}
		return new FailureAnalysis(description, action, ex);
	}

	private FailureAnalysis analyze(MigrationsNotReadyException ex) {
		StringBuilder action = new StringBuilder();
		if (!ex.getPending().isEmpty()) {
			action
				.append("Run the migrations first: the Kubernetes Job (or deployment step) that starts the application")
				.append(" with migrate.on-startup=migrate, or with --migrate.command=migrate, must have finished")
				.append(" before instances with migrate.on-startup=validate start. Then start this instance again.");
		}
		if (!ex.getProblems().isEmpty()) {
			if (!action.isEmpty()) {
				action.append(' ');
			}
			action.append("Resolve the failed, missing or changed migrations listed above, as each says, where the")
				.append(" migrations run (migrate.on-startup=validate changes nothing).");
		}
		return new FailureAnalysis(ex.getMessage(), action.toString(), ex);
	}

	// For failures whose diagnosis leaves the way out to the configuration.
	private String fallbackAction(MigrateException ex) {
		if (ex instanceof MigrateConfigurationException) {
			return "Correct the migrate.* property named above (or the MigrateConfigurationCustomizer that sets it).";
		}
		return "Fix the cause described above and start the application again.";
	}

	private FailureAnalysis analyze(MigrateCommandCompletedException ex) {
		MigrateCommandResult result = ex.getResult();
		String command = (result.command() != null) ? result.command().name().toLowerCase(Locale.ROOT) : "?";
		return new FailureAnalysis(
				"migrate.command=" + command + " ran (exit code " + result.exitCode()
						+ ") and the application was stopped on purpose:" + System.lineSeparator() + result.report(),
				"Remove the migrate.command property to start the application normally.", ex);
	}

}
