package dev.migrate.boot.autoconfigure.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.InfoResult;
import dev.migrate.MigrateConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.MigrationContext.Direction;
import dev.migrate.MigrationDefinitionException;
import dev.migrate.MigrationFailedException;
import dev.migrate.MigrationInfo;
import dev.migrate.MigrationLockException;
import dev.migrate.MigrationValidationException;
import dev.migrate.Migrator;
import dev.migrate.OperationResult;
import dev.migrate.OperationResult.MigrationExecution;
import dev.migrate.OperationResult.Operation;
import dev.migrate.PlanResult;
import dev.migrate.Remedy;
import dev.migrate.Setting;
import dev.migrate.ValidationResult;
import dev.migrate.Version;
import dev.migrate.Vocabulary;
import dev.migrate.tenant.TenantMigrationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Runs one {@link MigrateCommand} against a {@link Migrator} and turns its outcome into
 * an exit code and a report for the operator. Never throws for a failed operation: the
 * failure is in the result, its message rendered in the runner's {@link Vocabulary}.
 * <p>
 * {@code rollback} and {@code plan} take either a number of steps or a target version:
 * given both, they change nothing and fail with
 * {@link MigrateCommandResult#MISCONFIGURED}, rather than silently preferring one.
 *
 * @since 0.1.0
 */
public class MigrateCommandRunner {

	private static final Log logger = LogFactory.getLog(MigrateCommandRunner.class);

	private static final DateTimeFormatter INSTALLED_ON = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx")
		.withZone(ZoneId.systemDefault());

	private final Migrator migrator;

	private final @Nullable String target;

	private final @Nullable Integer steps;

	private final @Nullable Path planOutput;

	private final Vocabulary vocabulary;

	/**
	 * Create a runner whose reports name {@code Migrator} methods and builder settings
	 * ({@link Vocabulary#ENGINE}).
	 * @param migrator the engine
	 * @param target the target version of migrate and rollback, or {@code null}
	 * @param steps how many migrations rollback rolls back when there is no target
	 * (default 1), or {@code null}
	 */
	public MigrateCommandRunner(Migrator migrator, @Nullable String target, @Nullable Integer steps) {
		this(migrator, target, steps, null, Vocabulary.ENGINE);
	}

	/**
	 * Create a runner whose reports name {@code Migrator} methods and builder settings
	 * ({@link Vocabulary#ENGINE}).
	 * @param migrator the engine
	 * @param target the target version of migrate, rollback and plan, or {@code null}
	 * @param steps how many migrations rollback rolls back when there is no target
	 * (default 1); with plan, plans such a rollback; or {@code null}
	 * @param planOutput file the plan command also writes its script to, or {@code null}
	 */
	public MigrateCommandRunner(Migrator migrator, @Nullable String target, @Nullable Integer steps,
			@Nullable Path planOutput) {
		this(migrator, target, steps, planOutput, Vocabulary.ENGINE);
	}

	/**
	 * Create a runner.
	 * @param migrator the engine
	 * @param target the target version of migrate, rollback and plan, or {@code null}
	 * @param steps how many migrations rollback rolls back when there is no target
	 * (default 1); with plan, plans such a rollback; or {@code null}
	 * @param planOutput file the plan command also writes its script to, or {@code null}
	 * @param vocabulary how reports, including the engine's failures, name settings and
	 * operations: the Spring Boot starter passes its {@code migrate.*} properties and
	 * {@code --migrate.command} commands
	 */
	public MigrateCommandRunner(Migrator migrator, @Nullable String target, @Nullable Integer steps,
			@Nullable Path planOutput, Vocabulary vocabulary) {
		Assert.notNull(migrator, "'migrator' must not be null");
		Assert.notNull(vocabulary, "'vocabulary' must not be null");
		this.migrator = migrator;
		this.target = StringUtils.hasText(target) ? target : null;
		this.steps = steps;
		this.planOutput = planOutput;
		this.vocabulary = vocabulary;
	}

	/**
	 * Run a command.
	 * @param command the command
	 * @return the exit code and report
	 */
	public MigrateCommandResult run(MigrateCommand command) {
		Assert.notNull(command, "'command' must not be null");
		try {
			return switch (command) {
				case MIGRATE -> operation(command, this.migrator.migrate(this.target));
				case INFO -> info(command, this.migrator.info());
				case VALIDATE -> validate(command, this.migrator.validate());
				case ROLLBACK -> operation(command, rollback());
				case REDO -> operation(command, this.migrator.redo());
				case BASELINE -> operation(command, this.migrator.baseline());
				case REPAIR -> operation(command,
						(this.target != null) ? this.migrator.repair(this.target) : this.migrator.repair());
				case PLAN -> plan(command, plan());
				case GENERATE -> throw new MigrateConfigurationException(new Diagnosis(
						Text.of("The generate command needs the JPA entities, which a Migrator alone does not have."),
						Text.of("Nothing was changed."),
						Text.of("Run it from the Spring Boot application with --migrate.command=generate.")));
			};
		}
		catch (RuntimeException ex) {
			return failure(command, ex);
		}
	}

	private static int exitCode(RuntimeException failure) {
		if (failure instanceof MigrationValidationException) {
			return MigrateCommandResult.INVALID;
		}
		if (failure instanceof MigrationLockException) {
			return MigrateCommandResult.LOCKED;
		}
		if (failure instanceof MigrateConfigurationException || failure instanceof MigrationDefinitionException) {
			return MigrateCommandResult.MISCONFIGURED;
		}
		return MigrateCommandResult.FAILED;
	}

	private OperationResult rollback() {
		checkStepsOrTarget(MigrateCommand.ROLLBACK);
		return (this.target != null) ? this.migrator.rollbackTo(this.target)
				: this.migrator.rollback((this.steps != null) ? this.steps : 1);
	}

	// One rule for the commands that accept both: either steps or a target, never both.
	// A target set for start-up in application.yml must not silently widen or narrow a
	// rollback asked for in steps on the command line, nor the reverse.
	private void checkStepsOrTarget(MigrateCommand command) {
		if (this.steps != null && this.target != null) {
			throw new MigrateConfigurationException(
					new Diagnosis(
							Text.of("Both ", Remedy.change(Setting.STEPS, this.steps.toString()), " and ",
									Remedy.change(Setting.TARGET, this.target),
									" are set, but " + name(command)
											+ " takes either a number of steps or a target version."),
							Text.of("Nothing was changed."),
							Text.of("Remove one of them: ", Remedy.change(Setting.STEPS),
									" counts the latest migrations, newest first; ", Remedy.change(Setting.TARGET),
									" names the version to return to. An empty value (for example ",
									Remedy.change(Setting.TARGET, ""), ") clears one set in a configuration file.")));
		}
	}

	private MigrateCommandResult operation(MigrateCommand command, OperationResult result) {
		StringBuilder report = new StringBuilder();
		report.append(title(command))
			.append(": ")
			.append(result.executions().size())
			.append((result.executions().size() == 1) ? " migration" : " migrations")
			.append(" in ")
			.append(result.historyTable())
			.append(", version ")
			.append(display(result.versionBefore()))
			.append(" -> ")
			.append(display(result.versionAfter()))
			.append(" (")
			.append(result.totalTime().toMillis())
			.append(" ms, lock wait ")
			.append(result.lockWait().toMillis())
			.append(" ms)");
		if (result.executions().isEmpty()) {
			report.append(System.lineSeparator()).append("Nothing to do.");
		}
		else {
			List<List<String>> rows = new ArrayList<>();
			rows.add(List.of("Version", "Action", "Description", "Bean", "Time"));
			for (MigrationExecution execution : result.executions()) {
				rows.add(List.of(execution.version().toString(), execution.action().name(), execution.description(),
						orEmpty(execution.beanName()), millis(execution.executionTime())));
			}
			table(report, rows);
		}
		return new MigrateCommandResult(command, MigrateCommandResult.SUCCESS, report.toString(), null);
	}

	private PlanResult plan() {
		checkStepsOrTarget(MigrateCommand.PLAN);
		if (this.steps != null) {
			return this.migrator.planRollback(this.steps);
		}
		if (this.target != null && Version.problemWith(this.target) == null) {
			Version current = this.migrator.info().currentVersion();
			if (current != null && current.isAfter(Version.parse(this.target))) {
				return this.migrator.planRollbackTo(this.target);
			}
		}
		// The engine rejects a malformed target, or one that no migration has, naming
		// the setting.
		return this.migrator.plan(this.target);
	}

	private MigrateCommandResult plan(MigrateCommand command, PlanResult plan) {
		StringBuilder report = new StringBuilder(title(command)).append(": ");
		int statements = plan.migrations().stream().mapToInt((migration) -> migration.statements().size()).sum();
		report.append(plan.migrations().size())
			.append((plan.migrations().size() == 1) ? " migration" : " migrations")
			.append((plan.direction() == Direction.UP) ? " to apply" : " to roll back")
			.append(", ")
			.append(statements)
			.append((statements == 1) ? " statement" : " statements")
			.append(" (")
			.append(plan.database())
			.append(", ")
			.append(plan.migrations().isEmpty() ? "nothing to validate"
					: plan.isValidated() ? "validated against the schema in a transaction that was rolled back"
							: "NOT validated: statements were recorded without running")
			.append("). Nothing was changed.");
		String script = plan.toScript();
		if (this.planOutput != null) {
			try {
				Path parent = this.planOutput.toAbsolutePath().getParent();
				if (parent != null) {
					Files.createDirectories(parent);
				}
				Files.writeString(this.planOutput, script);
			}
			catch (IOException ex) {
				throw new MigrateConfigurationException("Could not write the plan to " + this.planOutput
						+ " (migrate.plan-output): " + ex.getMessage() + ". Choose a writable file.");
			}
			report.append(" Script written to ").append(this.planOutput.toAbsolutePath()).append('.');
		}
		report.append(System.lineSeparator()).append(System.lineSeparator()).append(script.stripTrailing());
		return new MigrateCommandResult(command, MigrateCommandResult.SUCCESS, report.toString(), null);
	}

	private MigrateCommandResult info(MigrateCommand command, InfoResult info) {
		StringBuilder report = new StringBuilder(title(command)).append(": ");
		describe(report, info);
		return new MigrateCommandResult(command, MigrateCommandResult.SUCCESS, report.toString(), null);
	}

	private MigrateCommandResult validate(MigrateCommand command, ValidationResult validation) {
		StringBuilder report = new StringBuilder(title(command)).append(": ");
		if (validation.isValid()) {
			report.append("valid. ");
			describe(report, validation.info());
			return new MigrateCommandResult(command, MigrateCommandResult.SUCCESS, report.toString(), null);
		}
		report.append(validation.diagnoses().size())
			.append((validation.diagnoses().size() == 1) ? " problem" : " problems")
			.append(" found:");
		for (Diagnosis problem : validation.diagnoses()) {
			report.append(System.lineSeparator()).append(" - ").append(problem.render(this.vocabulary));
		}
		report.append(System.lineSeparator())
			.append(Text
				.of("Fix the migrations named above, or run repair (", Remedy.run(Operation.REPAIR),
						") once the database is right.")
				.render(this.vocabulary))
			.append(System.lineSeparator());
		describe(report, validation.info());
		return new MigrateCommandResult(command, MigrateCommandResult.INVALID, report.toString(), null);
	}

	private MigrateCommandResult failure(MigrateCommand command, RuntimeException ex) {
		return failed(command, ex, this.vocabulary);
	}

	/**
	 * The result of a command that failed: its exit code and report, the failure's
	 * message rendered in a vocabulary.
	 * @param command the command
	 * @param ex why it failed
	 * @param vocabulary how to name settings and operations
	 * @return the result
	 * @since 0.2.0
	 */
	public static MigrateCommandResult failed(MigrateCommand command, RuntimeException ex, Vocabulary vocabulary) {
		int exitCode = exitCode(ex);
		if (!(ex instanceof MigrationFailedException || ex instanceof TenantMigrationException)
				&& exitCode == MigrateCommandResult.FAILED) {
			// Not one of migrate's own, self-explaining errors: keep the stack trace.
			logger.error("migrate " + name(command) + " failed", ex);
		}
		String message = (ex instanceof MigrateException migrateException) ? migrateException.getMessage(vocabulary)
				: String.valueOf(ex.getMessage());
		String report = title(command) + " FAILED (exit code " + exitCode + "): " + message;
		return new MigrateCommandResult(command, exitCode, report, ex);
	}

	private void describe(StringBuilder report, InfoResult info) {
		report.append(info.migrations().size())
			.append((info.migrations().size() == 1) ? " migration" : " migrations")
			.append(" in ")
			.append(info.historyTable())
			.append(" (")
			.append(info.database())
			.append("), current version ")
			.append(display(info.currentVersion()))
			.append(", ")
			.append(info.pending().size())
			.append(" pending");
		if (info.migrations().isEmpty()) {
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("Version", "State", "Description", "Bean", "Installed on", "Installed by", "Time"));
		for (MigrationInfo migration : info.migrations()) {
			rows.add(List.of(migration.version().toString(), migration.state().name(), migration.description(),
					orEmpty(migration.beanName()),
					(migration.installedOn() != null) ? INSTALLED_ON.format(migration.installedOn()) : "",
					orEmpty(migration.installedBy()),
					(migration.executionTime() != null) ? millis(migration.executionTime()) : ""));
		}
		table(report, rows);
	}

	private static void table(StringBuilder report, List<List<String>> rows) {
		int columns = rows.get(0).size();
		int[] widths = new int[columns];
		for (List<String> row : rows) {
			for (int i = 0; i < columns; i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		for (List<String> row : rows) {
			report.append(System.lineSeparator());
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < columns; i++) {
				line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row.get(i)));
				if (i < columns - 1) {
					line.append(" | ");
				}
			}
			report.append(line.toString().stripTrailing());
		}
	}

	private static String title(MigrateCommand command) {
		return "migrate " + name(command);
	}

	private static String name(MigrateCommand command) {
		return command.name().toLowerCase(Locale.ROOT);
	}

	private static String display(@Nullable Version version) {
		return (version != null) ? version.toString() : "<empty>";
	}

	private static String millis(Duration duration) {
		return duration.toMillis() + " ms";
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

}
