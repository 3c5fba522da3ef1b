package dev.migrate.boot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.migrate.MigrationInfo;
import dev.migrate.MigrationState;
import dev.migrate.Migrator;
import dev.migrate.TransactionMode;
import dev.migrate.boot.actuate.health.MigrationsHealthIndicator;
import dev.migrate.boot.autoconfigure.TestMigrations.AddAuthor;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateBooks;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateLoansBehindAnInterface;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateLoansThroughAService;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateShelves;
import dev.migrate.boot.autoconfigure.TestMigrations.FailOnPurpose;
import dev.migrate.boot.autoconfigure.TestMigrations.LoanService;
import dev.migrate.boot.autoconfigure.TestMigrations.TransactionalCreateLoans;
import dev.migrate.boot.autoconfigure.TestMigrations.WriteALoanThenFail;
import dev.migrate.boot.autoconfigure.command.MigrateCommandCompletedException;
import dev.migrate.boot.autoconfigure.command.MigrateCommandExitHandler;
import dev.migrate.boot.autoconfigure.command.MigrateCommandResult;
import dev.migrate.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.core.ConnectionCallback;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auto-configuration and the commands do to a real database. One subclass per
 * database; each test gets a fresh database (or schema).
 */
abstract class AbstractMigrateDatabaseTests {

	private static final AutoConfigurations TRANSACTIONS = AutoConfigurations.of(AopAutoConfiguration.class,
			TransactionAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class);

	private TestDatabase.Isolated database;

	private DatabaseState state;

	private ApplicationContextRunner contextRunner;

	private final RecordingExitHandler exitHandler = new RecordingExitHandler();

	abstract TestDatabase database();

	@BeforeEach
	void createDatabase() {
		this.database = database().createIsolated();
		this.state = new DatabaseState(this.database.dataSource());
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
					MigrateHealthContributorAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.database.url(),
					"spring.datasource.username=" + this.database.user(),
					"spring.datasource.password=" + this.database.password())
			.withBean(MigrateCommandExitHandler.class, () -> this.exitHandler);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void appliesPendingMigrationsDuringStartUp() {
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
			assertThat(this.state.hasColumn("book", "author")).isTrue();
			assertThat(this.state.count("book")).isOne();
		});
	}

	@Test
	void appliesMigrationsUpToTheTargetVersion() {
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateShelves.class)
			.withPropertyValues("migrate.target=2")
			.run((context) -> {
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
				assertThat(this.state.hasTable("shelf")).isFalse();
			});
	}

	@Test
	void usesTheConfiguredHistoryTable() {
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.table=schema_changes")
			.run((context) -> {
				assertThat(this.state.count("schema_changes")).isOne();
				assertThat(this.state.hasTable("migrate_history")).isFalse();
			});
	}

	@Test
	void failingMigrationStopsStartUpWithAnAnalysisNamingIt() {
		this.contextRunner.withUserConfiguration(CreateBooks.class, FailOnPurpose.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("4").contains("testMigrations.FailOnPurpose");
			assertThat(analysis.getAction()).contains("up method of migration 4").contains("migrate.command=repair");
			assertThat(this.state.history()).containsExactly("1:SUCCESS", "4:FAILED");
		});
	}

	@Test
	void migrateCommandAppliesPendingMigrationsAndExitsWithZero() {
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class)
			.withPropertyValues("migrate.command=migrate")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(MigrateCommandCompletedException.class);
				assertThat(this.exitHandler.result().exitCode()).isZero();
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
			});
	}

	@Test
	void migrateCommandExitsWithOneWhenAMigrationFails() {
		this.contextRunner.withUserConfiguration(CreateBooks.class, FailOnPurpose.class)
			.withPropertyValues("migrate.command=migrate")
			.run((context) -> {
				assertThat(this.exitHandler.result().exitCode()).isEqualTo(MigrateCommandResult.FAILED);
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "4:FAILED");
			});
	}

	@Test
	void infoCommandChangesNothingAndExitsWithZero() {
		applied(CreateBooks.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class)
			.withPropertyValues("migrate.command=info")
			.run((context) -> {
				assertThat(this.exitHandler.result().exitCode()).isZero();
				assertThat(this.exitHandler.result().report()).contains("PENDING");
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
				assertThat(this.state.hasColumn("book", "author")).isFalse();
			});
	}

	@Test
	void validateCommandExitsWithZeroWhenCodeAndHistoryAgree() {
		applied(CreateBooks.class, AddAuthor.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class)
			.withPropertyValues("migrate.command=validate")
			.run((context) -> assertThat(this.exitHandler.result().exitCode()).isZero());
	}

	@Test
	void validateCommandExitsWithTwoWhenAnAppliedMigrationIsMissing() {
		applied(CreateBooks.class, AddAuthor.class, CreateShelves.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, CreateShelves.class)
			.withPropertyValues("migrate.command=validate")
			.run((context) -> {
				assertThat(this.exitHandler.result().exitCode()).isEqualTo(MigrateCommandResult.INVALID);
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS", "3:SUCCESS");
			});
	}

	@Test
	void rollbackCommandRollsBackTheLatestMigration() {
		applied(CreateBooks.class, AddAuthor.class, CreateShelves.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateShelves.class)
			.withPropertyValues("migrate.command=rollback")
			.run((context) -> {
				assertThat(this.exitHandler.result().exitCode()).isZero();
				assertThat(this.state.hasTable("shelf")).isFalse();
				assertThat(this.state.hasColumn("book", "author")).isTrue();
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS", "3:ROLLED_BACK");
			});
	}

	@Test
	void rollbackCommandRollsBackTheGivenNumberOfSteps() {
		applied(CreateBooks.class, AddAuthor.class, CreateShelves.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateShelves.class)
			.withPropertyValues("migrate.command=rollback", "migrate.steps=2")
			.run((context) -> {
				assertThat(this.exitHandler.result().exitCode()).isZero();
				assertThat(this.state.hasTable("shelf")).isFalse();
				assertThat(this.state.hasColumn("book", "author")).isFalse();
				assertThat(this.state.count("book")).isOne();
			});
	}

	@Test
	void rollbackCommandRollsBackToTheTargetVersion() {
		applied(CreateBooks.class, AddAuthor.class, CreateShelves.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateShelves.class)
			.withPropertyValues("migrate.command=rollback", "migrate.target=0")
			.run((context) -> {
				assertThat(this.exitHandler.result().exitCode()).isZero();
				assertThat(this.state.hasTable("book")).isFalse();
				assertThat(this.state.hasTable("shelf")).isFalse();
			});
	}

	@Test
	void rollbackCommandExitsWithFourAndChangesNothingWhenAskedForTooManySteps() {
		applied(CreateBooks.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.command=rollback", "migrate.steps=3")
			.run((context) -> {
				assertThat(this.exitHandler.result().exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
				assertThat(this.state.hasTable("book")).isTrue();
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
			});
	}

	@Test
	void redoCommandRollsBackAndReappliesTheLatestMigration() {
		applied(CreateBooks.class);
		this.state.jdbc().update("INSERT INTO book (id, title) VALUES (2, 'Added after migrating')");
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.command=redo")
			.run((context) -> {
				assertThat(this.exitHandler.result().exitCode()).isZero();
				// The table was dropped and created again: only the seeded row is left.
				assertThat(this.state.count("book")).isOne();
				assertThat(this.state.history()).contains("1:SUCCESS");
			});
	}

	@Test
	void baselineCommandRecordsTheBaselineVersionWithoutRunningMigrations() {
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateShelves.class)
			.withPropertyValues("migrate.command=baseline", "migrate.baseline-version=2")
			.run((context) -> {
				assertThat(this.exitHandler.result().exitCode()).isZero();
				assertThat(this.state.history()).containsExactly("2:BASELINE");
				assertThat(this.state.hasTable("book")).isFalse();
			});
	}

	@Test
	void repairCommandRemovesMigrationsThatAreNoLongerInTheCode() {
		applied(CreateBooks.class, AddAuthor.class, CreateShelves.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, CreateShelves.class)
			.withPropertyValues("migrate.command=repair")
			.run((context) -> {
				assertThat(this.exitHandler.result().exitCode()).isZero();
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "3:SUCCESS");
			});
	}

	@Test
	void planCommandPrintsThePendingStatementsAndChangesNothing(@TempDir Path directory) {
		applied(CreateBooks.class);
		Path script = directory.resolve("plan/next.sql");
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateShelves.class)
			.withPropertyValues("migrate.command=plan", "migrate.plan-output=" + script)
			.run((context) -> {
				MigrateCommandResult result = this.exitHandler.result();
				assertThat(result.exitCode()).isZero();
				assertThat(result.report()).contains("migrate plan: 2 migrations to apply, 2 statements",
						"-- 2: Add author to books", "ALTER TABLE book ADD COLUMN author VARCHAR(100);",
						"CREATE TABLE shelf (id INT PRIMARY KEY);", "Nothing was changed.");
				assertThat(Files.readString(script)).contains("ALTER TABLE book ADD COLUMN author VARCHAR(100);",
						"CREATE TABLE shelf (id INT PRIMARY KEY);");
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
				assertThat(this.state.hasColumn("book", "author")).isFalse();
				assertThat(this.state.hasTable("shelf")).isFalse();
			});
	}

	@Test
	void planCommandWithStepsPrintsTheDownStatementsOfTheRollback() {
		applied(CreateBooks.class, AddAuthor.class, CreateShelves.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateShelves.class)
			.withPropertyValues("migrate.command=plan", "migrate.steps=2")
			.run((context) -> {
				MigrateCommandResult result = this.exitHandler.result();
				assertThat(result.exitCode()).isZero();
				assertThat(result.report()).contains("2 migrations to roll back", "DROP TABLE shelf;",
						"ALTER TABLE book DROP COLUMN author;");
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS", "3:SUCCESS");
				assertThat(this.state.hasTable("shelf")).isTrue();
				assertThat(this.state.hasColumn("book", "author")).isTrue();
			});
	}

	@Test
	void planCommandWithATargetBelowTheCurrentVersionPlansTheRollbackToIt() {
		applied(CreateBooks.class, AddAuthor.class, CreateShelves.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateShelves.class)
			.withPropertyValues("migrate.command=plan", "migrate.target=1")
			.run((context) -> {
				assertThat(this.exitHandler.result().report()).contains("2 migrations to roll back")
					.containsSubsequence("DROP TABLE shelf;", "ALTER TABLE book DROP COLUMN author;");
				assertThat(this.state.hasTable("shelf")).isTrue();
			});
	}

	@Test
	void commandDoesNotStartBeansThatWaitForTheDatabase() {
		DatabaseUser.created = false;
		this.contextRunner.withUserConfiguration(CreateBooks.class, DatabaseUser.class)
			.withPropertyValues("migrate.command=info")
			.run((context) -> {
				assertThat(this.exitHandler.result().exitCode()).isZero();
				assertThat(DatabaseUser.created).isFalse();
			});
	}

	@Test
	void healthIsUpWhenEveryMigrationIsApplied() {
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class).run((context) -> {
			Health health = context.getBean("migrationsHealthContributor", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("applied", 2L)
				.containsEntry("pending", 0)
				.containsEntry("currentVersion", "2");
		});
	}

	@Test
	void healthIsUpWhenMigrationsAboveTheTargetAreHeldBack() {
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class)
			.withPropertyValues("migrate.target=1")
			.run((context) -> {
				Health health = context.getBean("migrationsHealthContributor", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("pending", 0).containsEntry("heldBack", List.of("2"));
			});
	}

	@Test
	void healthIsDownWhenMigrationsArePending() {
		applied(CreateBooks.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class)
			.withPropertyValues("migrate.on-startup=none")
			.run((context) -> {
				Health health = context.getBean("migrationsHealthContributor", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("pending", 1)
					.containsEntry("pendingVersions", List.of("2"));
			});
	}

	@Test
	void validateOnStartupFailsWhenMigrationsArePendingAndChangesNothing() {
		applied(CreateBooks.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class)
			.withPropertyValues("migrate.on-startup=validate")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MigrationsNotReadyException.class)
					.hasMessageContaining("pending: 2");
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
				assertThat(this.state.hasColumn("book", "author")).isFalse();
			});
	}

	@Test
	void validateOnStartupStartsWhenEveryMigrationIsApplied() {
		applied(CreateBooks.class, AddAuthor.class);
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class)
			.withPropertyValues("migrate.on-startup=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
			});
	}

	@Test
	void noneOnStartupCreatesNothing() {
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.on-startup=none")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.state.hasTable("migrate_history")).isFalse();
				assertThat(this.state.hasTable("book")).isFalse();
			});
	}

	@Test
	void healthIsDownWhenAMigrationFailed() {
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.migrations(List.of(new CreateBooks(), new FailOnPurpose()))
			.transactionMode(TransactionMode.PER_MIGRATION)
			.build();
		try {
			migrator.migrate();
		}
		catch (RuntimeException expected) {
			// the failure is what this test is about
		}
		Health health = new MigrationsHealthIndicator(migrator).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("failed", 1).containsEntry("failedVersions", List.of("4"));
	}

	@Test
	void healthWarnsWhenNoMigrationIsFoundButTheHistoryHoldsAppliedOnes() {
		applied(CreateBooks.class, AddAuthor.class);
		this.contextRunner.run((context) -> {
			Health health = context.getBean("migrationsHealthContributor", HealthIndicator.class).health();
			assertThat(health.getDetails()).extractingByKey("warnings")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.singleElement()
				.asString()
				.contains("No migration was found in the code", "2 applied migration(s)");
		});
	}

	// Spring's transaction management inside migrations

	@Test
	void transactionalServiceCalledByAMigrationRollsBackWithIt() {
		this.contextRunner.withConfiguration(TRANSACTIONS)
			.withUserConfiguration(CreateBooks.class, LoanService.class, CreateLoansThroughAService.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("boom after three loans");
				if (transactionalDdl()) {
					// Everything of migration 2 is gone, the service's loan with it.
					assertThat(this.state.hasTable("loan")).isFalse();
					assertThat(this.state.history()).containsExactly("1:SUCCESS");
				}
				else {
					// DDL committed as it ran; the loans, the service's included, were
					// rolled back; the FAILED row says so.
					assertThat(this.state.hasTable("loan")).isTrue();
					assertThat(this.state.count("loan")).isZero();
					assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:FAILED");
				}
			});
	}

	@Test
	void transactionalMigrationBeanJoinsTheRunOfTransactionModeAll() {
		this.contextRunner.withConfiguration(TRANSACTIONS)
			.withUserConfiguration(CreateBooks.class, LoanService.class, TransactionalCreateLoans.class,
					WriteALoanThenFail.class)
			.withPropertyValues("migrate.transaction-mode=all")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("boom after loan 99");
				if (transactionalDdl()) {
					// The proxy's transaction joined the run's: it committed nothing.
					assertThat(this.state.hasTable("book")).isFalse();
					assertThat(this.state.hasTable("loan")).isFalse();
					assertThat(this.state.history()).isEmpty();
				}
				else {
					// Mode all falls back to a transaction per migration.
					assertThat(this.state.jdbc().queryForList("SELECT id FROM loan ORDER BY id", Integer.class))
						.containsExactly(1, 2);
					assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS", "3:FAILED");
				}
			});
		this.contextRunner.withConfiguration(TRANSACTIONS)
			.withUserConfiguration(LoanService.class, TransactionalCreateLoans.class)
			.withPropertyValues("migrate.enabled=false")
			.run((context) -> assertThat(AopUtils.isCglibProxy(context.getBean(TransactionalCreateLoans.class)))
				.isTrue());
	}

	@Test
	void migrationBehindAJdkInterfaceProxyAppliesAndRollsBack() {
		ApplicationContextRunner jdkProxies = this.contextRunner.withConfiguration(TRANSACTIONS)
			.withUserConfiguration(CreateBooks.class, CreateLoansBehindAnInterface.class)
			.withPropertyValues("spring.aop.proxy-target-class=false");
		jdkProxies.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(AopUtils.isJdkDynamicProxy(context.getBean("testMigrations.CreateLoansBehindAnInterface")))
				.isTrue();
			assertThat(this.state.count("loan")).isOne();
			assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
		});
		jdkProxies.withPropertyValues("migrate.command=rollback").run((context) -> {
			assertThat(this.exitHandler.result().exitCode()).isZero();
			assertThat(this.state.hasTable("loan")).isFalse();
			assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:ROLLED_BACK");
		});
	}

	private boolean transactionalDdl() {
		return database() == TestDatabase.POSTGRES;
	}

	@Test
	void takesOverAFlywayHistoryWithoutRunningItsMigrationsAgain() {
		flywayMigrate();
		List<Map<String, Object>> flywayRows = this.state.jdbc()
			.queryForList("SELECT " + flyway("version") + " AS v, " + flyway("installed_by") + " AS b, "
					+ flyway("installed_on") + " AS o FROM " + flywayTable() + " WHERE " + flyway("version")
					+ " IS NOT NULL ORDER BY " + flyway("installed_rank"));
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateShelves.class)
			.withPropertyValues("migrate.flyway-history=adopt")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS", "3:SUCCESS");
				// Flyway's seed row only: migration 1 did not run again.
				assertThat(this.state.jdbc().queryForList("SELECT title FROM book", String.class))
					.containsExactly("Seeded by Flyway");
				assertThat(this.state.hasTable("shelf")).isTrue();
				List<MigrationInfo> infos = context.getBean(Migrator.class).info().migrations();
				assertThat(infos).extracting(MigrationInfo::state)
					.containsExactly(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.APPLIED);
				for (int i = 0; i < 2; i++) {
					Map<String, Object> flyway = flywayRows.get(i);
					MigrationInfo carried = infos.get(i);
					assertThat(carried.version()).hasToString((String) flyway.get("v"));
					assertThat(carried.installedBy()).isEqualTo(flyway.get("b"));
					assertThat(carried.installedOn().truncatedTo(ChronoUnit.SECONDS))
						.isEqualTo(((Timestamp) flyway.get("o")).toInstant().truncatedTo(ChronoUnit.SECONDS));
				}
				assertThat(this.state.jdbc()
					.queryForList("SELECT description FROM migrate_history ORDER BY installed_rank", String.class))
					.containsExactly("Create books", "Add author to books", "Create shelves");
				// The beans replace Flyway's migrations: their checksums are recorded.
				assertThat(this.state.jdbc()
					.queryForList("SELECT checksum FROM migrate_history ORDER BY installed_rank", String.class))
					.allSatisfy((checksum) -> assertThat(checksum).startsWith("b1:"));
			});
	}

	@Test
	void takesOverAFlywayHistoryWhoseMigrationsHaveNoBeans() {
		flywayMigrate();
		this.contextRunner.withUserConfiguration(CreateShelves.class)
			.withPropertyValues("migrate.flyway-history=adopt")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS", "3:SUCCESS");
				assertThat(this.state.jdbc()
					.queryForList("SELECT checksum FROM migrate_history WHERE version IN ('1', '2')", String.class))
					.allSatisfy((checksum) -> assertThat(checksum).startsWith("flyway:"));
				Migrator migrator = context.getBean(Migrator.class);
				assertThat(migrator.info().migrations()).extracting(MigrationInfo::state)
					.containsExactly(MigrationState.BASELINE, MigrationState.BASELINE, MigrationState.APPLIED);
				assertThat(migrator.validate().isValid()).isTrue();
			});
	}

	@Test
	void refusesAFlywayHistoryByDefaultSayingHowToTakeOver() {
		flywayMigrate();
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateShelves.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("flyway_schema_history", "2 applied version(s), up to 2",
						"Nothing was changed");
				assertThat(analysis.getAction()).contains("migrate.flyway-history=adopt",
						"migrate.flyway-history=ignore");
				assertThat(this.state.history()).isEmpty();
				assertThat(this.state.hasTable("shelf")).isFalse();
				assertThat(this.state.count("book")).isOne();
			});
	}

	@Test
	void stopsTakingOverAFlywayHistoryWithAFailedMigration() {
		flywayMigrate();
		this.state.jdbc()
			.update("UPDATE " + flywayTable() + " SET " + flyway("success") + " = ? WHERE " + flyway("version")
					+ " = '2'", false);
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class, CreateShelves.class)
			.withPropertyValues("migrate.flyway-history=adopt")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("1 failed migration(s)", "version 2",
						"V2__Add_author_to_books.sql", "Nothing was changed");
				assertThat(analysis.getAction()).contains("repair");
				assertThat(this.state.history()).isEmpty();
				assertThat(this.state.hasTable("shelf")).isFalse();
			});
	}

	@Test
	void ignoresAFlywayHistoryWhenToldTo() {
		flywayMigrate();
		int flywayRows = this.state.count(flywayTable());
		this.contextRunner.withUserConfiguration(CreateShelves.class)
			.withPropertyValues("migrate.flyway-history=ignore")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.state.history()).containsExactly("3:SUCCESS");
				assertThat(this.state.count(flywayTable())).isEqualTo(flywayRows);
			});
	}

	private void flywayMigrate() {
		Flyway.configure().dataSource(this.database.dataSource()).locations("classpath:db/flyway").load().migrate();
	}

	private String flywayTable() {
		return flyway("flyway_schema_history");
	}

	// Flyway quotes the names of its table and columns: on H2 they keep their lower case.
	private String flyway(String name) {
		String quote = this.state.jdbc()
			.execute((ConnectionCallback<String>) (connection) -> connection.getMetaData().getIdentifierQuoteString());
		return quote + name + quote;
	}

	private void applied(Class<?>... migrations) {
		this.contextRunner.withUserConfiguration(migrations).run((context) -> assertThat(context).hasNotFailed());
	}

	@org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization
	static class DatabaseUser {

		static volatile boolean created;

		DatabaseUser() {
			created = true;
		}

	}

}
