package dev.migrate.boot.autoconfigure;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import dev.migrate.MigrateConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationDefinitionException;
import dev.migrate.MigrationLockException;
import dev.migrate.MigrationValidationException;
import dev.migrate.boot.actuate.endpoint.MigrationsEndpoint;
import dev.migrate.boot.autoconfigure.TestMigrations.AddAuthor;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateBooks;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateShelves;
import dev.migrate.boot.autoconfigure.command.MigrateCommand;
import dev.migrate.boot.autoconfigure.command.MigrateCommandCompletedException;
import dev.migrate.boot.autoconfigure.command.MigrateCommandConfigurationException;
import dev.migrate.boot.autoconfigure.command.MigrateCommandExitHandler;
import dev.migrate.boot.autoconfigure.command.MigrateCommandResult;
import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Bad input that users meet at start-up or when they run a command: each test asserts the
 * message they see (the failure analysis, or the command's report) and that nothing was
 * changed in the database. Also the security checks of the endpoint, the health details
 * and the error messages. On H2, plus PostgreSQL and MariaDB where the behaviour depends
 * on the database (accounts and rights).
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputTests {

	private static final String SECRET = "s3cr3t-Pa55";

	private static final String INJECTION = "O'Neil'); DROP TABLE book; --";

	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final DatabaseState state = new DatabaseState(new DriverManagerDataSource(this.url, "sa", ""));

	private final RecordingExitHandler exitHandler = new RecordingExitHandler();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrateHealthContributorAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + this.url, "spring.datasource.username=sa")
		.withBean(MigrateCommandExitHandler.class, () -> this.exitHandler);

	// Migration definitions

	@Test
	void duplicateVersionNamesBothBeans() {
		assertDefinitionProblem(List.of(CreateBooks.class, DuplicateOfCreateBooks.class),
				"Duplicate version 1: bean 'testMigrations.CreateBooks' (" + CreateBooks.class.getName()
						+ ") and bean 'badInputTests.DuplicateOfCreateBooks' (" + DuplicateOfCreateBooks.class.getName()
						+ "). Give one of them a new, higher version.");
	}

	@Test
	void malformedVersionNamesTheBean() {
		assertDefinitionProblem(List.of(CreateBooks.class, MalformedVersion.class),
				"bean 'badInputTests.MalformedVersion' (" + MalformedVersion.class.getName()
						+ "): @Migration version \"2.x\" is not dot-separated numbers; use a version such as \"1\"");
	}

	@Test
	void beanWithoutUpNamesTheBean() {
		assertDefinitionProblem(List.of(CreateBooks.class, WithoutUp.class),
				"bean 'badInputTests.WithoutUp' (" + WithoutUp.class.getName() + ") has no public 'up' method."
						+ " Declare 'public void up(JdbcTemplate jdbc)'");
	}

	@Test
	void overloadedUpNamesTheBeanAndBothMethods() {
		assertDefinitionProblem(List.of(CreateBooks.class, OverloadedUp.class),
				"bean 'badInputTests.OverloadedUp' (" + OverloadedUp.class.getName() + ") has 2 public 'up' methods",
				"OverloadedUp.up(org.springframework.jdbc.core.JdbcTemplate)", "OverloadedUp.up(java.sql.Connection)",
				"Declare exactly one");
	}

	@Test
	void nonPublicUpNamesTheBeanAndTheMethod() {
		assertDefinitionProblem(List.of(CreateBooks.class, NonPublicUp.class),
				"bean 'badInputTests.NonPublicUp' (" + NonPublicUp.class.getName() + "): method 'up' must be public",
				"Declare it 'public void up(...)'");
	}

	@Test
	void unsupportedParameterTypeNamesTheBeanMethodAndSupportedTypes() {
		assertDefinitionProblem(List.of(CreateBooks.class, UnsupportedParameter.class),
				"bean 'badInputTests.UnsupportedParameter' (" + UnsupportedParameter.class.getName()
						+ "): parameter 'sql' of type java.lang.String of method",
				"is not supported. Use one of JdbcTemplate, NamedParameterJdbcTemplate, JdbcOperations,"
						+ " NamedParameterJdbcOperations, JdbcClient, Connection, DataSource, MigrationContext");
	}

	@Test
	void versionZeroIsRejectedAtStartUpNamingTheMigration() {
		assertDefinitionProblem(List.of(CreateBooks.class, VersionZero.class),
				"bean 'badInputTests.VersionZero' (" + VersionZero.class.getName() + ")", "is zero",
				"Number migrations from 1");
	}

	@Test
	void versionLongerThanTheHistoryColumnIsRejectedAtStartUpNamingTheMigration() {
		assertDefinitionProblem(List.of(CreateBooks.class, LongVersion.class),
				"bean 'badInputTests.LongVersion' (" + LongVersion.class.getName() + ")", "has 101 characters",
				"keeps at most 100");
	}

	@Test
	void descriptionLongerThanTheHistoryColumnIsRejectedAtStartUpNamingTheMigration() {
		assertDefinitionProblem(List.of(CreateBooks.class, LongDescription.class),
				"bean 'badInputTests.LongDescription' (" + LongDescription.class.getName() + ")",
				"the description \"descriptionescription", "has 201 characters", "keeps at most 200");
	}

	private void assertDefinitionProblem(List<Class<?>> migrations, String... fragments) {
		this.contextRunner.withUserConfiguration(migrations.toArray(Class<?>[]::new)).run((context) -> {
			FailureAnalysis analysis = analysis(context, MigrationDefinitionException.class);
			assertThat(analysis.getDescription()).startsWith("Invalid migration definitions (1 problem)")
				.contains(fragments)
				.contains("Nothing was changed in the database");
			assertThat(analysis.getAction()).contains("Fix the @Migration classes named above");
			assertThat(tables()).isEmpty();
		});
	}

	// Commands and their settings

	@Test
	void unknownCommandFailsStartUpListingTheValidCommands(CapturedOutput output) {
		assertThatException().isThrownBy(() -> application("--migrate.command=destroy")).satisfies((ex) -> {
			assertThat(ex).hasRootCauseMessage("No enum constant " + MigrateCommand.class.getName() + ".destroy");
			assertThat(exitCode(ex)).isEqualTo(MigrateCommandResult.MISCONFIGURED);
		});
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Failed to bind properties under 'migrate.command' to " + MigrateCommand.class.getName())
			.contains("Value: \"destroy\"")
			.contains("The following values are valid:")
			.contains(Arrays.stream(MigrateCommand.values()).map(Enum::name).toList());
		MigrateCommandResult result = this.exitHandler.result();
		assertThat(result.command()).isNull();
		assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
		assertThat(result.report()).startsWith("migrate.command=destroy did not run (exit code 4): Failed to bind"
				+ " properties under 'migrate.command' to " + MigrateCommand.class.getName() + ": value \"destroy\"")
			.contains("Valid values: migrate, info, validate, rollback, redo, baseline, repair, plan, generate.")
			.contains("Nothing was changed in the database.");
		assertThat(tables()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "migrate.steps=abc", "migrate.lock-timeout=soon", "migrate.transaction-mode=sometimes" })
	void propertyThatDoesNotBindEndsACommandWithFourAndBootsReport(String property, CapturedOutput output) {
		String name = property.substring(0, property.indexOf('='));
		assertThatException().isThrownBy(() -> application("--migrate.command=rollback", "--" + property))
			.satisfies((ex) -> {
				assertThat(exitCode(ex)).isEqualTo(MigrateCommandResult.MISCONFIGURED);
				assertThat(new MigrateFailureAnalyzer().analyze(ex)).as("left to Spring Boot's analysis").isNull();
			});
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Failed to bind properties under '" + name + "'");
		MigrateCommandResult result = this.exitHandler.result();
		assertThat(result.command()).isEqualTo(MigrateCommand.ROLLBACK);
		assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
		assertThat(result.report()).startsWith("migrate.command=rollback did not run (exit code 4): Failed to bind"
				+ " properties under '" + name + "'");
		assertThat(tables()).isEmpty();
	}

	@Test
	void propertyThatDoesNotBindKeepsBootsExitCodeWithoutCommand() {
		assertThatException().isThrownBy(() -> application("--migrate.steps=abc"))
			.satisfies((ex) -> assertThat(exitCode(ex)).as("Spring Boot's own").isZero());
		assertThat(tables()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "migrate.table=x;drop table t", "migrate.lock-timeout=0", "migrate.baseline-version=v1" })
	void settingTheEngineRefusesEndsACommandWithFourBeforeItRuns(String property) {
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.command=migrate", property)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(exitCode(context.getStartupFailure())).isEqualTo(MigrateCommandResult.MISCONFIGURED);
				FailureAnalysis analysis = analysis(context, MigrateConfigurationException.class);
				assertThat(analysis.getDescription())
					.startsWith("migrate.command=migrate did not run (exit code 4):" + System.lineSeparator())
					.contains("(" + property.substring(0, property.indexOf('=')) + ")");
				MigrateCommandResult result = this.exitHandler.result();
				assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
				assertThat(result.report())
					.isEqualTo(analysis.getDescription() + System.lineSeparator() + analysis.getAction());
				assertThat(tables()).isEmpty();
			});
		// Without a command, the same failure keeps Spring Boot's exit code.
		this.contextRunner.withUserConfiguration(CreateBooks.class).withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(exitCode(context.getStartupFailure())).isZero();
		});
	}

	@Test
	void invalidMigrationDefinitionEndsACommandWithFourBeforeItRuns() {
		this.contextRunner.withUserConfiguration(CreateBooks.class, DuplicateOfCreateBooks.class)
			.withPropertyValues("migrate.command=info")
			.run((context) -> {
				assertThat(exitCode(context.getStartupFailure())).isEqualTo(MigrateCommandResult.MISCONFIGURED);
				FailureAnalysis analysis = analysis(context, MigrationDefinitionException.class);
				assertThat(analysis.getDescription()).startsWith("migrate.command=info did not run (exit code 4):")
					.contains("Duplicate version 1");
				assertThat(analysis.getAction()).contains("Fix the @Migration classes named above");
				assertThat(tables()).isEmpty();
			});
	}

	@Test
	void commandWithMigrateDisabledFailsInsteadOfStartingTheApplication(CapturedOutput output) {
		assertThatException().isThrownBy(() -> application("--migrate.command=migrate", "--migrate.enabled=false"))
			.satisfies((ex) -> {
				assertThat(exitCode(ex)).isEqualTo(MigrateCommandResult.MISCONFIGURED);
				assertThat(ex).isInstanceOf(MigrateCommandConfigurationException.class);
			});
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("migrate.command=migrate did not run (exit code 4): migrate.enabled=false switches migrate off")
			.contains("Run the command with --migrate.enabled=true");
		assertThat(tables()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "7", "abc" })
	void unknownOrMalformedTargetAtStartUpChangesNothing(String target) {
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class)
			.withPropertyValues("migrate.target=" + target)
			.run((context) -> {
				FailureAnalysis analysis = analysis(context, MigrateConfigurationException.class);
				assertThat(analysis.getDescription()).contains("target version", target, "(migrate.target)")
					.endsWith("Nothing was changed.");
				if (target.equals("7")) {
					assertThat(analysis.getDescription()).contains("Known versions: 1, 2");
				}
				assertThat(analysis.getAction()).contains("Correct the migrate.* property named above");
				assertThat(tables()).isEmpty();
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "rollback", "plan" })
	void zeroOrNegativeStepsAreRefusedAndChangeNothing(String command) {
		applied(CreateBooks.class, AddAuthor.class);
		for (int steps : new int[] { 0, -1 }) {
			runCommand(command, List.of("migrate.steps=" + steps), (result) -> {
				assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
				assertThat(result.report()).contains("migrate " + command + " FAILED (exit code 4)")
					.contains("Cannot roll back " + steps
							+ " steps (migrate.steps): give a number of migrations of at least 1. Nothing was changed.");
			});
			assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
			assertThat(this.state.hasColumn("book", "author")).isTrue();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "rollback", "plan" })
	void stepsAndTargetTogetherAreRefusedAndChangeNothing(String command) {
		applied(CreateBooks.class, AddAuthor.class);
		runCommand(command, List.of("migrate.steps=1", "migrate.target=1"), (result) -> {
			assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
			assertThat(result.report())
				.contains("migrate " + command + " FAILED (exit code 4): Both migrate.steps=1"
						+ " and migrate.target=1 are set, but " + command
						+ " takes either a number of steps or a target version. Nothing was changed.")
				.contains("An empty value (for example migrate.target=) clears one set in a configuration file.");
		});
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
		assertThat(this.state.hasColumn("book", "author")).isTrue();
	}

	@Test
	void emptyTargetClearsOneSetElsewhereSoStepsApply() {
		applied(CreateBooks.class, AddAuthor.class);
		runCommand("rollback", List.of("migrate.target=1", "migrate.steps=1", "migrate.target="),
				(result) -> assertThat(result.exitCode()).isZero());
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:ROLLED_BACK");
		assertThat(this.state.hasColumn("book", "author")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "7" })
	void planToAMalformedOrUnknownTargetIsRefusedWithoutAStackTrace(String target, CapturedOutput output) {
		applied(CreateBooks.class);
		runCommand("plan", List.of("migrate.target=" + target), (result) -> {
			assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
			assertThat(result.report()).contains("migrate plan FAILED (exit code 4): ")
				.contains(target.equals("abc")
						? "Invalid target version (migrate.target): version \"abc\" is not dot-separated numbers"
						: "No migration has the target version 7 (migrate.target). Known versions: 1, 2.")
				.endsWith("Nothing was changed.");
		});
		// Neither the stack trace of an unexpected failure nor its log line.
		assertThat(output).doesNotContain("IllegalArgumentException").doesNotContain("ERROR").doesNotContain("\tat ");
		assertThat(this.state.history()).containsExactly("1:SUCCESS");
		assertThat(this.state.hasColumn("book", "author")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "7", "1.5" })
	void rollbackToAVersionThatDoesNotExistChangesNothing(String target) {
		applied(CreateBooks.class, AddAuthor.class);
		runCommand("rollback", List.of("migrate.target=" + target), (result) -> {
			assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
			assertThat(result.report()).contains("Cannot roll back to version " + target
					+ ": no migration has that version. Known versions: 1, 2 (or 0 for everything). Nothing was changed.");
		});
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
		assertThat(this.state.hasColumn("book", "author")).isTrue();
	}

	@Test
	void rollbackOfAMigrationWithoutDownNamesItAndChangesNothing() {
		applied(CreateBooks.class, AddAuthor.class, WithoutDown.class);
		runCommand("rollback", List.of("migrate.steps=2"), (result) -> {
			assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
			assertThat(result.report()).contains("Cannot roll back: migration 5 (bean 'badInputTests.WithoutDown', "
					+ WithoutDown.class.getName() + ") has no down method: it is"
					+ " irreversible. Add a 'public void down(...)' that undoes its up, or roll back fewer steps."
					+ " Nothing was changed.");
		}, CreateBooks.class, AddAuthor.class, WithoutDown.class);
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS", "5:SUCCESS");
		assertThat(this.state.hasTable("archive")).isTrue();
		assertThat(this.state.hasColumn("book", "author")).isTrue();
	}

	@Test
	void downThatThrowsIsReportedNamingTheMigrationAndRecordedAsFailed() {
		applied(CreateBooks.class, ThrowingDown.class);
		runCommand("rollback", List.of(), (result) -> {
			assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.FAILED);
			assertThat(result.report())
				.contains("Migration 6 (Add subtitle, bean 'badInputTests.ThrowingDown', "
						+ ThrowingDown.class.getName() + ") failed in down: IllegalStateException: boom in down")
				.contains("recorded as ROLLBACK_FAILED")
				.contains("run repair (--migrate.command=repair): the migration then counts as applied again")
				.contains("--migrate.command=rollback --migrate.steps=1");
		}, CreateBooks.class, ThrowingDown.class);
		// H2 commits DDL as it runs: the column dropped before the failure stays dropped.
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "6:ROLLBACK_FAILED");
		assertThat(this.state.hasColumn("book", "subtitle")).isFalse();
		assertThat(this.state.count("book")).isOne();
	}

	// Configuration that would become SQL

	@ParameterizedTest
	@ValueSource(strings = { "migrate.table=x;drop table t", "migrate.table=history\"; DROP TABLE t; --",
			"migrate.table=x'y", "migrate.schema=audit; DROP TABLE t", "migrate.schema=a\"b" })
	void historyTableOrSchemaThatIsNotAPlainIdentifierIsRejectedBeforeAnySql(String property) {
		this.state.jdbc().execute("CREATE TABLE t (id INT PRIMARY KEY)");
		String name = property.substring(0, property.indexOf('='));
		String value = property.substring(property.indexOf('=') + 1);
		this.contextRunner.withUserConfiguration(CreateBooks.class).withPropertyValues(property).run((context) -> {
			FailureAnalysis analysis = analysis(context, MigrateConfigurationException.class);
			assertThat(analysis.getDescription()).contains("(" + name + ") '" + value + "' is not a plain identifier")
				.contains("Nothing was changed in the database");
			assertThat(analysis.getAction()).contains("Use letters, digits and underscores");
			assertThat(tables()).containsExactly("t");
			assertThat(schemas()).doesNotContain("audit", "a\"b");
		});
	}

	@Test
	void beanNameAndDescriptionWithQuotesAreRecordedVerbatim() {
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withBean(INJECTION, DescribedWithQuotes.class, DescribedWithQuotes::new)
			.withPropertyValues("migrate.installed-by=" + INJECTION)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.state.jdbc()
					.queryForList(
							"SELECT description, bean_name, installed_by FROM migrate_history WHERE version = '2'"))
					.singleElement()
					.satisfies((row) -> assertThat(row.values()).containsExactly(DescribedWithQuotes.DESCRIPTION,
							INJECTION, INJECTION));
				assertThat(this.state.count("book")).isOne();
				assertThat(tables()).containsExactlyInAnyOrder("book", "migrate_history", "migrate_history_lock",
						"note");
			});
	}

	// The history table

	@Test
	void historyWrittenByANewerVersionOfMigrateStopsStartUpAndChangesNothing() {
		applied(CreateBooks.class);
		this.state.jdbc().update("UPDATE migrate_history SET format_version = 3");
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class).run((context) -> {
			FailureAnalysis analysis = analysis(context, MigrateException.class);
			assertThat(analysis.getDescription()).contains("The history table migrate_history was written by a newer"
					+ " version of migrate (row 1, migration 1, has format 3; this version reads format 2 and older)."
					+ " Upgrade migrate in this application; nothing was changed.");
			assertThat(this.state.history()).containsExactly("1:SUCCESS");
			assertThat(this.state.hasColumn("book", "author")).isFalse();
		});
	}

	@Test
	void checksumChangeOfAnAppliedMigrationStopsStartUpAndChangesNothing() {
		this.contextRunner.withBean("createBooks", CreateBooks.class, CreateBooks::new)
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withBean("createBooks", CreateBooksChanged.class, CreateBooksChanged::new)
			.withUserConfiguration(AddAuthor.class)
			.run((context) -> {
				FailureAnalysis analysis = analysis(context, MigrationValidationException.class);
				assertThat(analysis.getDescription())
					.contains("Migration 1 (bean 'createBooks', " + CreateBooksChanged.class.getName()
							+ ") was changed after it was applied")
					.contains("Nothing was changed in the database");
				assertThat(analysis.getAction()).contains("revert the change and add a new migration instead")
					.contains("--migrate.command=repair");
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
				assertThat(this.state.hasColumn("book", "author")).isFalse();
			});
	}

	@Test
	void outOfOrderMigrationStopsStartUpAndChangesNothing() {
		applied(CreateBooks.class, CreateShelves.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateShelves.class)
			.run((context) -> {
				FailureAnalysis analysis = analysis(context, MigrationValidationException.class);
				assertThat(analysis.getDescription()).contains("Migration 2 (bean 'testMigrations.AddAuthor', "
						+ AddAuthor.class.getName() + ") is pending, but version 3 is already applied.");
				assertThat(analysis.getAction()).contains("Give it a version above 3, or, if it does not depend on the"
						+ " later ones, allow out-of-order migrations (migrate.out-of-order=true).");
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "3:SUCCESS");
				assertThat(this.state.hasColumn("book", "author")).isFalse();
			});
	}

	// Locks

	@Test
	void lockHeldByAnotherInstanceTimesOutNamingTheHolderAndChangesNothing() {
		this.state.jdbc()
			.execute("CREATE TABLE migrate_history_lock (id INT NOT NULL PRIMARY KEY, lock_version BIGINT NOT NULL,"
					+ " owner VARCHAR(300), locked_at TIMESTAMP, heartbeat_at TIMESTAMP)");
		this.state.jdbc()
			.update("INSERT INTO migrate_history_lock VALUES (1, 7, '4242@deploy-host-b/0c0ffee0', CURRENT_TIMESTAMP,"
					+ " CURRENT_TIMESTAMP)");
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.lock-timeout=1", "migrate.lock-lease=60")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context, MigrationLockException.class);
				assertThat(analysis.getDescription())
					.startsWith("Could not take the migration lock 'migrate_history_lock' within 1000 ms: it is held"
							+ " by 4242@deploy-host-b/0c0ffee0, locked at ")
					.contains("Nothing was changed in the database");
				assertThat(analysis.getAction()).contains("raise migrate.lock-timeout");
				assertThat(tables()).containsExactly("migrate_history_lock");
				assertThat(this.state.jdbc()
					.queryForObject("SELECT owner || '/' || lock_version FROM migrate_history_lock", String.class))
					.isEqualTo("4242@deploy-host-b/0c0ffee0/7");
			});
	}

	// Connections and accounts

	@ParameterizedTest
	@ValueSource(strings = { "jdbc:postgresql://127.0.0.1:1/test?password=" + SECRET,
			"jdbc:mariadb://127.0.0.1:1/test?password=" + SECRET })
	void unreachableDatabaseAtStartUpIsReportedWithoutThePassword(String url, CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> application("--spring.datasource.url=" + url, "--spring.datasource.username=app",
					"--spring.datasource.password=" + SECRET, "--spring.datasource.hikari.connection-timeout=2000"))
			.satisfies((ex) -> {
				assertThat(messages(ex)).noneSatisfy((message) -> assertThat(message).contains(SECRET));
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(ex);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).startsWith("migrate could not connect to the database")
					.contains("127.0.0.1")
					.doesNotContain(SECRET);
				assertThat(analysis.getDescription()).endsWith("Nothing was changed.");
				assertThat(analysis.getAction())
					.contains("Start the database, or check that it is reachable from here, and the URL, user and"
							+ " password of the connection (spring.datasource.url, spring.datasource.username and"
							+ " spring.datasource.password, or migrate.url, migrate.user and migrate.password when they"
							+ " are set).")
					.doesNotContain(SECRET);
			});
		assertThat(output).contains("APPLICATION FAILED TO START").doesNotContain(SECRET);
	}

	@Test
	void unreachableDatabaseOfMigrateUrlIsReportedWithoutThePassword(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> application("--spring.datasource.url=" + this.url,
					"--migrate.url=jdbc:postgresql://127.0.0.1:1/test?password=" + SECRET, "--migrate.user=deployer",
					"--migrate.password=" + SECRET))
			.satisfies((ex) -> {
				assertThat(messages(ex)).noneSatisfy((message) -> assertThat(message).contains(SECRET));
				assertThat(new MigrateFailureAnalyzer().analyze(ex).getDescription())
					.startsWith("migrate could not connect to the database");
			});
		assertThat(output).contains("APPLICATION FAILED TO START").doesNotContain(SECRET);
		assertThat(tables()).isEmpty();
	}

	@Test
	@RequiresDatabase(TestDatabase.POSTGRES)
	void postgresAccountWithoutTheRightToCreateTablesIsToldToUseMigrateUser() {
		try (TestDatabase.Isolated database = TestDatabase.POSTGRES.createIsolated()) {
			JdbcTemplate admin = new JdbcTemplate(database.dataSource());
			String schema = admin.queryForObject("SELECT current_schema()", String.class);
			String role = "mig_ro_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
			admin.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + SECRET + "'");
			try {
				admin.execute("GRANT CONNECT ON DATABASE "
						+ admin.queryForObject("SELECT current_database()", String.class) + " TO " + role);
				admin.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
				accountWithoutDdlRights(database.url(), role, (analysis) -> {
					assertThat(analysis.getDescription())
						.startsWith("Could not create the history table migrate_history: ERROR: permission denied for"
								+ " schema " + schema);
					assertThat(admin.queryForList(
							"SELECT table_name FROM information_schema.tables" + " WHERE table_schema = ?",
							String.class, schema))
						.isEmpty();
				});
			}
			finally {
				admin.execute("DROP OWNED BY " + role);
				admin.execute("DROP ROLE " + role);
			}
		}
	}

	@Test
	@RequiresDatabase(TestDatabase.MARIADB)
	void mariaDbAccountWithOnlySelectIsToldToUseMigrateUser() {
		try (TestDatabase.Isolated database = TestDatabase.MARIADB.createIsolated()) {
			JdbcTemplate admin = new JdbcTemplate(database.dataSource());
			String catalog = admin.queryForObject("SELECT DATABASE()", String.class);
			String user = "mig_ro_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
			admin.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + SECRET + "'");
			try {
				admin.execute("GRANT SELECT ON " + catalog + ".* TO '" + user + "'@'%'");
				accountWithoutDdlRights(database.url(), user, (analysis) -> {
					assertThat(analysis.getDescription())
						.startsWith("Could not create the history table migrate_history: ")
						.contains("CREATE command denied to user '" + user + "'");
					assertThat(admin.queryForList(
							"SELECT table_name FROM information_schema.tables" + " WHERE table_schema = ?",
							String.class, catalog))
						.isEmpty();
				});
			}
			finally {
				admin.execute("DROP USER '" + user + "'@'%'");
			}
		}
	}

	private void accountWithoutDdlRights(String url, String user, Consumer<FailureAnalysis> assertions) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=" + user,
					"spring.datasource.password=" + SECRET)
			.withUserConfiguration(CreateBooks.class)
			.run((context) -> {
				FailureAnalysis analysis = analysis(context, MigrateException.class);
				assertThat(analysis.getDescription()).startsWith("Could not create the history table")
					.doesNotContain(SECRET);
				assertThat(analysis.getAction()).contains("Check that the migrating account may create tables (or"
						+ " connect as one that may: migrate.user and migrate.password)");
				assertThat(messages(context.getStartupFailure()))
					.noneSatisfy((message) -> assertThat(message).contains(SECRET));
				assertions.accept(analysis);
			});
	}

	// Security of the endpoint and the health details

	@Test
	void endpointAndHealthDetailsContainNoCredentials() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
					MigrateHealthContributorAutoConfiguration.class, EndpointAutoConfiguration.class,
					WebEndpointAutoConfiguration.class, MigrateEndpointAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.url, "spring.datasource.username=sa",
					"spring.datasource.password=" + SECRET, "migrate.user=sa", "migrate.password=" + SECRET,
					"migrate.target=1", "management.endpoints.web.exposure.include=migrations")
			.withUserConfiguration(CreateBooks.class, AddAuthor.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JsonMapper json = JsonMapper.builder().build();
				String endpoint = json.writeValueAsString(context.getBean(MigrationsEndpoint.class).migrations());
				Health health = context.getBean("migrationsHealthContributor", HealthIndicator.class).health();
				String details = json.writeValueAsString(health);
				assertThat(endpoint).contains("\"state\":\"APPLIED\"", "\"state\":\"PENDING\"");
				assertThat(details).contains("\"heldBack\":[\"2\"]");
				for (String serialized : List.of(endpoint, details)) {
					assertThat(serialized).doesNotContain(SECRET)
						.doesNotContain("jdbc:")
						.doesNotContainIgnoringCase("password")
						.doesNotContainIgnoringCase("\"user\"")
						.doesNotContainIgnoringCase("\"username\"")
						.doesNotContainIgnoringCase("\"url\"");
				}
			});
	}

	@Test
	void endpointHasOnlyReadOperations() {
		List<String> operations = new ArrayList<>();
		for (Method method : MigrationsEndpoint.class.getDeclaredMethods()) {
			assertThat(method.isAnnotationPresent(WriteOperation.class)).as(method.toString()).isFalse();
			assertThat(method.isAnnotationPresent(DeleteOperation.class)).as(method.toString()).isFalse();
			if (method.isAnnotationPresent(ReadOperation.class)) {
				operations.add(method.getName());
			}
		}
		assertThat(operations).containsExactly("migrations");
		// Nothing else is public that an endpoint discoverer could turn into an
		// operation.
		assertThat(Arrays.stream(MigrationsEndpoint.class.getMethods())
			.filter((method) -> method.getDeclaringClass() == MigrationsEndpoint.class)
			.map(Method::getName)).containsExactly("migrations");
	}

	// Helpers

	private static FailureAnalysis analysis(AssertableApplicationContext context, Class<? extends Throwable> expected) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).isNotNull();
		assertThat(analysis.getCause()).isInstanceOf(expected);
		return analysis;
	}

	private void applied(Class<?>... migrations) {
		this.contextRunner.withUserConfiguration(migrations).run((context) -> assertThat(context).hasNotFailed());
	}

	private void runCommand(String command, List<String> properties, Consumer<MigrateCommandResult> assertions,
			Class<?>... migrations) {
		Class<?>[] beans = (migrations.length > 0) ? migrations : new Class<?>[] { CreateBooks.class, AddAuthor.class };
		this.contextRunner.withUserConfiguration(beans)
			.withPropertyValues("migrate.command=" + command)
			.withPropertyValues(properties.toArray(String[]::new))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(new MigrateFailureAnalyzer().analyze(context.getStartupFailure()).getCause())
					.isInstanceOf(MigrateCommandCompletedException.class);
				MigrateCommandResult result = this.exitHandler.result();
				assertThat(result).isNotNull();
				assertions.accept(result);
			});
	}

	private void application(String... args) {
		new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.main.register-shutdown-hook=false",
					"spring.datasource.url=" + this.url, "spring.datasource.username=sa")
			.initializers(
					(context) -> context.getBeanFactory().registerSingleton("recordingExitHandler", this.exitHandler))
			.run(args)
			.close();
	}

	// What SpringApplication makes the exit code of a failed start-up: the first
	// ExitCodeGenerator among the causes, or 0 (then the JVM's 1 for an uncaught
	// failure).
	private static int exitCode(@Nullable Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof ExitCodeGenerator generator) {
				return generator.getExitCode();
			}
		}
		return 0;
	}

	private static List<String> messages(@Nullable Throwable failure) {
		List<String> messages = new ArrayList<>();
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			messages.add(String.valueOf(candidate.getMessage()));
			Arrays.stream(candidate.getSuppressed()).forEach((suppressed) -> messages.addAll(messages(suppressed)));
		}
		return messages;
	}

	private List<String> tables() {
		return this.state.jdbc()
			.queryForList("SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
					+ " ORDER BY TABLE_NAME", String.class);
	}

	private List<String> schemas() {
		return this.state.jdbc()
			.queryForList("SELECT LOWER(SCHEMA_NAME) FROM INFORMATION_SCHEMA.SCHEMATA", String.class);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class })
	@Import(CreateBooks.class)
	static class Application {

	}

	@Migration(version = "1", description = "Create books, again")
	static class DuplicateOfCreateBooks {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE other_book (id INT PRIMARY KEY)");
		}

	}

	@Migration(version = "1", description = "Create books")
	static class CreateBooksChanged {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE book (id INT PRIMARY KEY, title VARCHAR(200) NOT NULL)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE book");
		}

	}

	@Migration(version = "2.x")
	static class MalformedVersion {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE malformed (id INT PRIMARY KEY)");
		}

	}

	@Migration(version = "2")
	static class WithoutUp {

		public void apply(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE without_up (id INT PRIMARY KEY)");
		}

	}

	@Migration(version = "2")
	static class OverloadedUp {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE overloaded (id INT PRIMARY KEY)");
		}

		public void up(Connection connection) {
		}

	}

	@Migration(version = "0")
	static class VersionZero {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE version_zero (id INT PRIMARY KEY)");
		}

	}

	@Migration(version = "2.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1."
			+ "1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1")
	static class LongVersion {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE long_version (id INT PRIMARY KEY)");
		}

	}

	@Migration(version = "2",
			description = "descriptionescriptionescriptionescriptionescriptionescriptionescriptionescriptionescriptio"
					+ "nescriptionescriptionescriptionescriptionescriptionescriptionescriptionescriptionescriptio"
					+ "nescriptionescription")
	static class LongDescription {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE long_description (id INT PRIMARY KEY)");
		}

	}

	@Migration(version = "2")
	static class NonPublicUp {

		void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE non_public (id INT PRIMARY KEY)");
		}

	}

	@Migration(version = "2")
	static class UnsupportedParameter {

		public void up(String sql) {
		}

	}

	@Migration(version = "5", description = "Create archive")
	static class WithoutDown {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE archive (id INT PRIMARY KEY)");
		}

	}

	@Migration(version = "6", description = "Add subtitle")
	static class ThrowingDown {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE book ADD COLUMN subtitle VARCHAR(100)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE book DROP COLUMN subtitle");
			throw new IllegalStateException("boom in down");
		}

	}

	@Migration(version = "2", description = DescribedWithQuotes.DESCRIPTION)
	static class DescribedWithQuotes {

		static final String DESCRIPTION = "Readers' notes'; DROP TABLE book; --";

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE note (id INT PRIMARY KEY)");
		}

	}

}
