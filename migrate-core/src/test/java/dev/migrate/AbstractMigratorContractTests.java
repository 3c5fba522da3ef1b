package dev.migrate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.ContractMigrations.AddNickname;
import dev.migrate.ContractMigrations.AddNicknameToSqlNotes;
import dev.migrate.ContractMigrations.AddNicknameWithBrokenDown;
import dev.migrate.ContractMigrations.AddUsersName;
import dev.migrate.ContractMigrations.BlockingDownMigration;
import dev.migrate.ContractMigrations.BlockingMigration;
import dev.migrate.ContractMigrations.CommitByHand;
import dev.migrate.ContractMigrations.CreateArchiveTable;
import dev.migrate.ContractMigrations.CreateCustomersChanged;
import dev.migrate.ContractMigrations.CreateCustomersOriginal;
import dev.migrate.ContractMigrations.CreateEntries;
import dev.migrate.ContractMigrations.CreateInvoices;
import dev.migrate.ContractMigrations.CreateInvoicesWithoutTransaction;
import dev.migrate.ContractMigrations.CreateLedger;
import dev.migrate.ContractMigrations.CreateNinthTable;
import dev.migrate.ContractMigrations.CreateOrdersTable;
import dev.migrate.ContractMigrations.CreateTagsBehindAnInterface;
import dev.migrate.ContractMigrations.CreateTagsTable;
import dev.migrate.ContractMigrations.CreateTenthTable;
import dev.migrate.ContractMigrations.CreateUsersTable;
import dev.migrate.ContractMigrations.DuplicateOfFirstVersion;
import dev.migrate.ContractMigrations.LogFirst;
import dev.migrate.ContractMigrations.LogSecond;
import dev.migrate.ContractMigrations.LogThird;
import dev.migrate.ContractMigrations.MissingScript;
import dev.migrate.ContractMigrations.NotesFromScript;
import dev.migrate.ContractMigrations.RecordDatabaseInfo;
import dev.migrate.ContractMigrations.WriteEntriesMarkedRollbackOnly;
import dev.migrate.ContractMigrations.WriteEntriesThroughATransactionTemplate;
import dev.migrate.ContractMigrations.WriteLedgerThroughEveryParameter;
import dev.migrate.MigrationListener.MigrationRun;
import dev.migrate.OperationResult.Action;
import dev.migrate.OperationResult.MigrationExecution;
import dev.migrate.dialect.Dialects;
import dev.migrate.testsupport.LockSessions;
import dev.migrate.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import org.assertj.core.api.InstanceOfAssertFactories;

/**
 * The contract every supported database must meet, run against the real database. Each
 * test gets a fresh database (or schema) and asserts on its tables, columns and history
 * rows.
 */
abstract class AbstractMigratorContractTests {

	private static final String HISTORY = "migrate_history";

	private TestDatabase.@Nullable Isolated isolated;

	private final List<String> extraSchemas = new ArrayList<>();

	protected DataSource dataSource;

	protected JdbcTemplate jdbc;

	/**
	 * The database under test.
	 * @return the database
	 */
	protected abstract TestDatabase database();

	/**
	 * Whether DDL takes part in transactions, so that a failed migration leaves no trace.
	 * @return {@code true} on PostgreSQL
	 */
	protected boolean hasTransactionalDdl() {
		return false;
	}

	/**
	 * Whether the database calls its schemas catalogs (MySQL, MariaDB).
	 * @return {@code true} if schemas are catalogs
	 */
	protected boolean schemasAreCatalogs() {
		return false;
	}

	/**
	 * Create the fresh database of one test.
	 * @return the isolated database
	 */
	protected TestDatabase.Isolated createIsolated() {
		return database().createIsolated();
	}

	@BeforeEach
	void createDatabase() {
		this.isolated = createIsolated();
		this.dataSource = this.isolated.dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@AfterEach
	void dropDatabase() {
		try {
			for (String schema : this.extraSchemas) {
				this.jdbc.execute(schemasAreCatalogs() ? "DROP DATABASE IF EXISTS " + schema
						: "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		}
		finally {
			if (this.isolated != null) {
				this.isolated.close();
			}
		}
	}

	// Ordering and targets

	@Test
	void appliesMigrationsInNumericVersionOrder() {
		Migrator migrator = migrator(new CreateTenthTable(), new CreateNinthTable(), new AddUsersName(),
				new CreateTagsTable(), new CreateUsersTable());

		OperationResult result = migrator.migrate();

		assertThat(result.executions()).extracting((execution) -> execution.version().toString())
			.containsExactly("1", "1.1", "2", "9", "10");
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.containsExactly(tuple("1", "SUCCESS"), tuple("1.1", "SUCCESS"), tuple("2", "SUCCESS"),
					tuple("9", "SUCCESS"), tuple("10", "SUCCESS"));
		assertThat(tables()).contains("users", "tags", "ninth", "tenth");
		assertThat(columns("users")).contains("name");
		assertThat(result.versionBefore()).isNull();
		assertThat(result.versionAfter()).hasToString("10");
	}

	@Test
	void migrateWithNothingPendingChangesNothing() {
		migrator(new CreateUsersTable(), new AddUsersName()).migrate();

		OperationResult again = migrator(new CreateUsersTable(), new AddUsersName()).migrate();

		assertThat(again.executions()).isEmpty();
		assertThat(again.versionAfter()).hasToString("2");
		assertThat(history()).hasSize(2);
	}

	@Test
	void migratesUpToATargetVersion() {
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable());

		OperationResult result = migrator.migrate("2");

		assertThat(result.executions()).extracting(MigrationExecution::action)
			.containsExactly(Action.APPLIED, Action.APPLIED);
		assertThat(history()).extracting(HistoryEntry::version).containsExactly("1", "2");
		assertThat(tables()).contains("users").doesNotContain("orders");
		assertThat(migrator.info().inState(MigrationState.PENDING)).extracting((info) -> info.version().toString())
			.containsExactly("3");

		migrator.migrate();

		assertThat(tables()).contains("orders");
	}

	@Test
	void migrateToAnUnknownTargetChangesNothing() {
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName());

		assertThatExceptionOfType(MigrateConfigurationException.class).isThrownBy(() -> migrator.migrate("7"))
			.withMessageContaining("target version 7")
			.withMessageContaining("1, 2");
		assertThat(tables()).doesNotContain("users", HISTORY);
	}

	// Rollback and redo

	@Test
	void rollsBackTheLatestMigrationsNewestFirst() {
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable());
		migrator.migrate();

		OperationResult result = migrator.rollback(2);

		assertThat(result.executions())
			.extracting((execution) -> execution.version().toString(), MigrationExecution::action)
			.containsExactly(tuple("3", Action.ROLLED_BACK), tuple("2", Action.ROLLED_BACK));
		assertThat(tables()).contains("users").doesNotContain("orders");
		assertThat(columns("users")).doesNotContain("name");
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.containsExactly(tuple("1", "SUCCESS"), tuple("2", "ROLLED_BACK"), tuple("3", "ROLLED_BACK"));
		assertThat(history().get(1).rolledBackBy()).isNotBlank();
		assertThat(history().get(1).rolledBackOn()).isTrue();
		assertThat(result.versionAfter()).hasToString("1");
	}

	@Test
	void rollsBackToATargetVersion() {
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable());
		migrator.migrate();

		OperationResult result = migrator.rollbackTo("1");

		assertThat(result.executions()).extracting((execution) -> execution.version().toString())
			.containsExactly("3", "2");
		assertThat(tables()).contains("users").doesNotContain("orders");
		assertThat(columns("users")).doesNotContain("name");
		assertThat(migrator.info().currentVersion()).hasToString("1");
	}

	@Test
	void rollsBackEverythingToVersionZero() {
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable());
		migrator.migrate();

		OperationResult result = migrator.rollbackTo("0");

		assertThat(result.executions()).hasSize(3);
		assertThat(tables()).doesNotContain("users", "orders");
		assertThat(history()).extracting(HistoryEntry::status).containsOnly("ROLLED_BACK");
		assertThat(migrator.info().currentVersion()).isNull();

		migrator.migrate();

		assertThat(tables()).contains("users", "orders");
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.containsExactly(tuple("1", "ROLLED_BACK"), tuple("2", "ROLLED_BACK"), tuple("3", "ROLLED_BACK"),
					tuple("1", "SUCCESS"), tuple("2", "SUCCESS"), tuple("3", "SUCCESS"));
	}

	@Test
	void redoRollsBackTheLatestMigrationAndAppliesItAgain() {
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName());
		migrator.migrate();

		OperationResult result = migrator.redo();

		assertThat(result.executions())
			.extracting((execution) -> execution.version().toString(), MigrationExecution::action)
			.containsExactly(tuple("2", Action.ROLLED_BACK), tuple("2", Action.APPLIED));
		assertThat(columns("users")).contains("name");
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.containsExactly(tuple("1", "SUCCESS"), tuple("2", "ROLLED_BACK"), tuple("2", "SUCCESS"));
		assertThat(migrator.info().currentVersion()).hasToString("2");
	}

	@Test
	void redoWithNothingAppliedChangesNothing() {
		Migrator migrator = migrator(new CreateUsersTable());

		assertThatExceptionOfType(MigrateConfigurationException.class).isThrownBy(migrator::redo)
			.withMessageContaining("Cannot redo: no migration is applied");
		assertThat(tables()).doesNotContain("users");
		assertThat(history()).isEmpty();
	}

	@Test
	void recordsWhoAppliedAndWhoRolledBack() {
		Migrator migrator = builder(new CreateUsersTable()).installedBy("release-bot").build();
		migrator.migrate();
		migrator.rollback(1);

		assertThat(this.jdbc.queryForList("SELECT installed_by, rolled_back_by FROM " + HISTORY)).singleElement()
			.satisfies((row) -> assertThat(row.values()).containsExactly("release-bot", "release-bot"));
	}

	@Test
	void rollbackOfAMigrationWithoutDownFailsBeforeTouchingAnything() {
		Migrator migrator = migrator(new CreateUsersTable(), new CreateArchiveTable(), new CreateNinthTable());
		migrator.migrate();

		assertThatExceptionOfType(MigrateConfigurationException.class).isThrownBy(() -> migrator.rollback(2))
			.withMessageContaining("migration 4")
			.withMessageContaining(CreateArchiveTable.class.getName())
			.withMessageContaining("has no down method");
		assertThat(tables()).contains("users", "archive", "ninth");
		assertThat(history()).extracting(HistoryEntry::status).containsOnly("SUCCESS");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1 })
	void rollbackOfZeroOrNegativeStepsIsRefused(int steps) {
		Migrator migrator = migrator(new CreateUsersTable());
		migrator.migrate();

		assertThatExceptionOfType(MigrateConfigurationException.class).isThrownBy(() -> migrator.rollback(steps))
			.withMessageContaining("Cannot roll back " + steps + " steps");
		assertThat(tables()).contains("users");
		assertThat(history()).extracting(HistoryEntry::status).containsExactly("SUCCESS");
	}

	@Test
	void rollbackOfMoreStepsThanAppliedChangesNothing() {
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName());
		migrator.migrate();

		assertThatExceptionOfType(MigrateConfigurationException.class).isThrownBy(() -> migrator.rollback(3))
			.withMessageContaining("only 2 applied");
		assertThat(columns("users")).contains("name");
		assertThat(history()).extracting(HistoryEntry::status).containsOnly("SUCCESS");
	}

	@ParameterizedTest
	@ValueSource(strings = { "7", "1.5", "x" })
	void rollbackToAnUnknownVersionChangesNothing(String target) {
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName());
		migrator.migrate();

		assertThatExceptionOfType(MigrateConfigurationException.class).isThrownBy(() -> migrator.rollbackTo(target))
			.withMessageContaining(target);
		assertThat(columns("users")).contains("name");
		assertThat(history()).extracting(HistoryEntry::status).containsOnly("SUCCESS");
	}

	@Test
	void failureInDown() {
		Migrator migrator = migrator(new CreateUsersTable(), new AddNicknameWithBrokenDown());
		migrator.migrate();

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.rollback(1))
			.withMessageContaining("Migration 2")
			.withMessageContaining("failed in down")
			.withMessageContaining("boom in down")
			.satisfies((ex) -> assertThat(ex.getDirection()).isEqualTo(MigrationContext.Direction.DOWN));

		if (hasTransactionalDdl()) {
			// The whole rollback was undone: still applied.
			assertThat(columns("users")).contains("nickname");
			assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
				.containsExactly(tuple("1", "SUCCESS"), tuple("2", "SUCCESS"));
			assertThat(states(migrator)).containsExactly(tuple("1", MigrationState.APPLIED),
					tuple("2", MigrationState.APPLIED));
		}
		else {
			assertThat(columns("users")).doesNotContain("nickname");
			assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
				.containsExactly(tuple("1", "SUCCESS"), tuple("2", "ROLLBACK_FAILED"));
			assertThat(history().get(1).errorMessage()).contains("down failed").contains("boom in down");
			assertThat(states(migrator)).containsExactly(tuple("1", MigrationState.APPLIED),
					tuple("2", MigrationState.FAILED));
			assertThat(migrator.validate().problems()).singleElement(as(STRING))
				.contains("failed while being rolled back")
				.contains("restore what the down method of migration 2")
				.contains("Migrator.repair()")
				.contains("the migration then counts as applied again");

			// What the message says: restore what down removed, then repair.
			this.jdbc.execute("ALTER TABLE users ADD COLUMN nickname VARCHAR(50)");
			OperationResult repair = migrator.repair();

			assertThat(repair.executions()).extracting(MigrationExecution::action)
				.containsExactly(Action.RESTORED_APPLIED);
			assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
				.containsExactly(tuple("1", "SUCCESS"), tuple("2", "SUCCESS"));
			assertThat(states(migrator)).containsExactly(tuple("1", MigrationState.APPLIED),
					tuple("2", MigrationState.APPLIED));
			assertThat(migrator.migrate().executions()).isEmpty();
			assertThat(columns("users")).contains("nickname");
		}
	}

	@Test
	void failedRollbackIsFinishedByRollingBackAgain() {
		Migrator migrator = migrator(new CreateUsersTable(), new AddNicknameWithBrokenDown());
		migrator.migrate();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.rollback(1));
		Assumptions.assumeFalse(hasTransactionalDdl(), "the failed rollback was undone: nothing left to finish");

		Migrator fixed = migrator(new CreateUsersTable(), new AddNickname());
		fixed.rollback(1);

		assertThat(columns("users")).doesNotContain("nickname");
		assertThat(states(fixed)).containsExactly(tuple("1", MigrationState.APPLIED),
				tuple("2", MigrationState.ROLLED_BACK));
	}

	// Info states

	@Test
	void infoReportsPendingAndAppliedMigrations() {
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName());
		assertThat(states(migrator)).containsExactly(tuple("1", MigrationState.PENDING),
				tuple("2", MigrationState.PENDING));

		migrator.migrate("1");

		InfoResult info = migrator.info();
		assertThat(info.migrations()).extracting((m) -> m.version().toString(), MigrationInfo::state)
			.containsExactly(tuple("1", MigrationState.APPLIED), tuple("2", MigrationState.PENDING));
		MigrationInfo applied = info.migrations().get(0);
		assertThat(applied.installedRank()).isEqualTo(1);
		assertThat(applied.installedBy()).isNotBlank();
		assertThat(applied.installedOn()).isNotNull();
		assertThat(applied.reversible()).isTrue();
		assertThat(info.pending()).hasSize(1);
	}

	@Test
	void infoReportsRolledBackMigrationsAsPendingAgain() {
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName());
		migrator.migrate();
		migrator.rollback(1);

		assertThat(states(migrator)).containsExactly(tuple("1", MigrationState.APPLIED),
				tuple("2", MigrationState.ROLLED_BACK));
		assertThat(migrator.info().pending()).extracting((m) -> m.version().toString()).containsExactly("2");
		MigrationInfo rolledBack = migrator.info().migrations().get(1);
		assertThat(rolledBack.rolledBackBy()).isNotBlank();
		assertThat(rolledBack.rolledBackOn()).isNotNull();
	}

	@Test
	void infoReportsFailedMigrations() {
		Migrator migrator = builder(new CreateUsersTable(), new CreateInvoices(true))
			.transactionMode(TransactionMode.NONE)
			.build();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate);

		assertThat(states(migrator)).containsExactly(tuple("1", MigrationState.APPLIED),
				tuple("5", MigrationState.FAILED));
		assertThat(migrator.info().migrations().get(1).errorMessage()).contains("boom in invoices");
	}

	@Test
	void infoReportsMissingAndFutureMigrations() {
		migrator(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable()).migrate();

		assertThat(states(migrator(new CreateUsersTable(), new CreateOrdersTable()))).containsExactly(
				tuple("1", MigrationState.APPLIED), tuple("2", MigrationState.MISSING),
				tuple("3", MigrationState.APPLIED));
		assertThat(states(migrator(new CreateUsersTable(), new AddUsersName()))).containsExactly(
				tuple("1", MigrationState.APPLIED), tuple("2", MigrationState.APPLIED),
				tuple("3", MigrationState.FUTURE));
	}

	@Test
	void infoReportsOutOfOrderMigrations() {
		migrator(new CreateUsersTable(), new CreateOrdersTable()).migrate();

		assertThat(states(migrator(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable())))
			.containsExactly(tuple("1", MigrationState.APPLIED), tuple("2", MigrationState.OUT_OF_ORDER),
					tuple("3", MigrationState.APPLIED));
	}

	@Test
	void infoReportsBaselineAndBelowBaseline() {
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable());

		migrator.baseline("2");

		assertThat(states(migrator)).containsExactly(tuple("1", MigrationState.BELOW_BASELINE),
				tuple("2", MigrationState.BASELINE), tuple("3", MigrationState.PENDING));
	}

	@Test
	void describesMigrationsFromTheirClassNameByDefault() {
		migrator(new CreateUsersTable(), new AddUsersName()).migrate();

		assertThat(history()).extracting(HistoryEntry::description)
			.containsExactly("Create users table", "Add name to users");
		assertThat(history().get(0).className()).isEqualTo(CreateUsersTable.class.getName());
		assertThat(history().get(0).beanName()).isEqualTo("createUsersTable");
	}

	// Validation

	@Test
	void duplicateVersionsAreRefusedNamingBothBeans() {
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> migrator(new CreateUsersTable(), new DuplicateOfFirstVersion()))
			.withMessageContaining("Duplicate version")
			.withMessageContaining(CreateUsersTable.class.getName())
			.withMessageContaining(DuplicateOfFirstVersion.class.getName());
		assertThat(tables()).isEmpty();
	}

	@Test
	void changedDefinitionOfAnAppliedMigrationFailsValidation() {
		namedMigrator(Map.of("createCustomers", new CreateCustomersOriginal())).migrate();
		Migrator changed = namedMigrator(Map.of("createCustomers", new CreateCustomersChanged()));

		ValidationResult validation = changed.validate();

		assertThat(validation.isValid()).isFalse();
		assertThat(validation.problems()).singleElement(as(STRING))
			.contains("Migration 1 (bean 'createCustomers'")
			.contains("was changed after it was applied")
			.contains("repair");
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(changed::migrate)
			.withMessageContaining("was changed after it was applied");
		assertThat(columns("customers")).containsExactly("id");
	}

	@Test
	void repairRealignsTheChecksumOfAChangedMigration() {
		namedMigrator(Map.of("createCustomers", new CreateCustomersOriginal())).migrate();
		String originalChecksum = history().get(0).checksum();
		Migrator changed = namedMigrator(Map.of("createCustomers", new CreateCustomersChanged()));

		OperationResult result = changed.repair();

		assertThat(result.executions()).extracting(MigrationExecution::action).containsExactly(Action.REALIGNED);
		HistoryEntry row = history().get(0);
		assertThat(row.checksum()).isNotEqualTo(originalChecksum).isEqualTo(changed.getMigrations().get(0).checksum());
		assertThat(row.className()).isEqualTo(CreateCustomersChanged.class.getName());
		assertThat(changed.validate().isValid()).isTrue();
		assertThat(changed.migrate().executions()).isEmpty();
	}

	@Test
	void missingBeanFailsValidationUntilRepaired() {
		migrator(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable()).migrate();
		Migrator withoutSecond = migrator(new CreateUsersTable(), new CreateOrdersTable());

		assertThat(withoutSecond.validate().problems()).singleElement(as(STRING))
			.contains("Migration 2")
			.contains(AddUsersName.class.getName())
			.contains("no longer in the code");
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(withoutSecond::migrate)
			.withMessageContaining("no longer in the code");

		OperationResult repair = withoutSecond.repair();

		assertThat(repair.executions()).extracting(MigrationExecution::action).containsExactly(Action.REMOVED_MISSING);
		assertThat(history()).extracting(HistoryEntry::version).containsExactly("1", "3");
		assertThat(columns("users")).contains("name");
		assertThat(withoutSecond.validate().isValid()).isTrue();
	}

	@Test
	void outOfOrderMigrationIsRefusedByDefault() {
		migrator(new CreateUsersTable(), new CreateOrdersTable()).migrate();
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable());

		assertThat(migrator.validate().problems()).singleElement(as(STRING))
			.contains("Migration 2")
			.contains("version 3 is already applied")
			.contains("out-of-order");
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 2");
		assertThat(columns("users")).doesNotContain("name");
		assertThat(history()).extracting(HistoryEntry::version).containsExactly("1", "3");
	}

	@Test
	void outOfOrderMigrationIsAppliedWhenAllowed() {
		migrator(new CreateUsersTable(), new CreateOrdersTable()).migrate();
		Migrator migrator = builder(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable())
			.outOfOrder(true)
			.build();

		assertThat(migrator.validate().isValid()).isTrue();
		OperationResult result = migrator.migrate();

		assertThat(result.executions()).extracting((execution) -> execution.version().toString()).containsExactly("2");
		assertThat(columns("users")).contains("name");
		assertThat(history()).extracting(HistoryEntry::version).containsExactly("1", "3", "2");
		assertThat(states(migrator)).extracting((state) -> state.toList().get(1)).containsOnly(MigrationState.APPLIED);
	}

	// Failures in each transaction mode

	@Test
	void failureInUpWithATransactionPerMigration() {
		Migrator migrator = migrator(new CreateUsersTable(), new CreateInvoices(true));

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 5")
			.withMessageContaining("boom in invoices")
			.satisfies((ex) -> {
				assertThat(ex.getVersion()).hasToString("5");
				assertThat(ex.getDirection()).isEqualTo(MigrationContext.Direction.UP);
			});

		assertThat(tables()).contains("users");
		if (hasTransactionalDdl()) {
			assertThat(tables()).doesNotContain("invoices");
			assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
				.containsExactly(tuple("1", "SUCCESS"));
			assertThat(states(migrator)).containsExactly(tuple("1", MigrationState.APPLIED),
					tuple("5", MigrationState.PENDING));
		}
		else {
			// DDL committed implicitly; the insert after it was rolled back.
			assertThat(tables()).contains("invoices");
			assertThat(count("SELECT COUNT(*) FROM invoices")).isZero();
			assertFailedInvoicesRow();
		}
	}

	@Test
	void failureInUpWithOneTransactionForAll() {
		Migrator migrator = builder(new CreateUsersTable(), new AddUsersName(), new CreateInvoices(true))
			.transactionMode(TransactionMode.ALL)
			.build();

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 5")
			.withMessageContaining("boom in invoices");

		if (hasTransactionalDdl()) {
			assertThat(tables()).doesNotContain("users", "invoices");
			assertThat(history()).isEmpty();
			assertThat(states(migrator)).extracting((state) -> state.toList().get(1))
				.containsOnly(MigrationState.PENDING);
		}
		else {
			// Without transactional DDL, ALL falls back to a transaction per migration.
			assertThat(tables()).contains("users", "invoices");
			assertThat(columns("users")).contains("name");
			assertThat(count("SELECT COUNT(*) FROM invoices")).isZero();
			assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
				.containsExactly(tuple("1", "SUCCESS"), tuple("2", "SUCCESS"), tuple("5", "FAILED"));
		}
	}

	@Test
	void successWithOneTransactionForAllAppliesEverything() {
		Migrator migrator = builder(new CreateUsersTable(), new AddUsersName(), new CreateInvoices(false))
			.transactionMode(TransactionMode.ALL)
			.build();

		OperationResult result = migrator.migrate();

		assertThat(result.executions()).hasSize(3);
		assertThat(count("SELECT COUNT(*) FROM invoices")).isOne();
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.containsExactly(tuple("1", "SUCCESS"), tuple("2", "SUCCESS"), tuple("5", "SUCCESS"));
	}

	@Test
	void failureInUpWithoutTransaction() {
		Migrator migrator = builder(new CreateUsersTable(), new CreateInvoices(true))
			.transactionMode(TransactionMode.NONE)
			.build();

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("boom in invoices")
			.withMessageContaining("recorded as FAILED");

		// Every statement before the failure committed on its own.
		assertThat(tables()).contains("users", "invoices");
		assertThat(count("SELECT COUNT(*) FROM invoices")).isOne();
		assertFailedInvoicesRow();
	}

	@Test
	void failureInUpOfAMigrationThatAsksForNoTransaction() {
		Migrator migrator = migrator(new CreateUsersTable(), new CreateInvoicesWithoutTransaction());

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("boom in invoices");

		assertThat(tables()).contains("users", "invoices");
		assertThat(count("SELECT COUNT(*) FROM invoices")).isOne();
		assertFailedInvoicesRow();
	}

	@Test
	void migrationThatAsksForNoTransactionIsRefusedInTransactionModeAll() {
		Migrator migrator = builder(new CreateUsersTable(), new CreateInvoicesWithoutTransaction())
			.transactionMode(TransactionMode.ALL)
			.build();

		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("transaction = NONE");
		assertThat(tables()).doesNotContain("users", "invoices");
	}

	private void assertFailedInvoicesRow() {
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.containsExactly(tuple("1", "SUCCESS"), tuple("5", "FAILED"));
		assertThat(history().get(1).errorMessage()).contains("boom in invoices");
	}

	// Recovery

	@Test
	void failedMigrationBlocksMigrateUntilRepaired() {
		Migrator failing = builder(new CreateUsersTable(), new CreateInvoices(true))
			.transactionMode(TransactionMode.NONE)
			.build();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(failing::migrate);
		Migrator fixed = builder(new CreateUsersTable(), new CreateInvoices(false))
			.transactionMode(TransactionMode.NONE)
			.build();

		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(fixed::migrate)
			.withMessageContaining("Migration 5")
			.withMessageContaining("boom in invoices")
			.withMessageContaining("repair")
			.withMessageContaining("rollback");

		this.jdbc.execute("DROP TABLE invoices");
		OperationResult repair = fixed.repair();

		assertThat(repair.executions()).extracting(MigrationExecution::action).containsExactly(Action.REMOVED_FAILED);
		assertThat(history()).extracting(HistoryEntry::version).containsExactly("1");

		fixed.migrate();

		assertThat(count("SELECT COUNT(*) FROM invoices")).isOne();
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.containsExactly(tuple("1", "SUCCESS"), tuple("5", "SUCCESS"));
	}

	@Test
	void failedMigrationIsCleanedUpByRollingItBack() {
		Migrator failing = builder(new CreateUsersTable(), new CreateInvoices(true))
			.transactionMode(TransactionMode.NONE)
			.build();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(failing::migrate);

		OperationResult rollback = failing.rollback(1);

		assertThat(rollback.executions())
			.extracting((execution) -> execution.version().toString(), MigrationExecution::action)
			.containsExactly(tuple("5", Action.ROLLED_BACK));
		assertThat(tables()).contains("users").doesNotContain("invoices");
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.containsExactly(tuple("1", "SUCCESS"), tuple("5", "ROLLED_BACK"));

		builder(new CreateUsersTable(), new CreateInvoices(false)).build().migrate();

		assertThat(count("SELECT COUNT(*) FROM invoices")).isOne();
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.containsExactly(tuple("1", "SUCCESS"), tuple("5", "ROLLED_BACK"), tuple("5", "SUCCESS"));
	}

	// Baseline

	@Test
	void baselineMarksTheDatabaseWithoutRunningAnything() {
		this.jdbc.execute("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100))");
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable());

		OperationResult baseline = migrator.baseline("1");

		assertThat(baseline.executions()).extracting(MigrationExecution::action).containsExactly(Action.BASELINED);
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::type, HistoryEntry::status)
			.containsExactly(tuple("1", "BASELINE", "SUCCESS"));

		OperationResult migrate = migrator.migrate();

		assertThat(migrate.executions()).extracting((execution) -> execution.version().toString())
			.containsExactly("2", "3");
		assertThat(columns("users")).contains("name");
		assertThat(tables()).contains("orders");
	}

	@Test
	void baselineOfAManagedDatabaseIsRefused() {
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName());
		migrator.migrate();

		assertThatExceptionOfType(MigrateConfigurationException.class).isThrownBy(() -> migrator.baseline("2"))
			.withMessageContaining("already holds 2 rows");
		assertThat(history()).extracting(HistoryEntry::type).containsOnly("MIGRATION");
	}

	@Test
	void baselineOnMigrateBaselinesASchemaWithTablesButNoHistory() {
		this.jdbc.execute("CREATE TABLE legacy (id INT PRIMARY KEY)");
		Migrator migrator = builder(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable())
			.baselineOnMigrate(true)
			.baselineVersion("2")
			.build();

		OperationResult result = migrator.migrate();

		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::type)
			.containsExactly(tuple("2", "BASELINE"), tuple("3", "MIGRATION"));
		assertThat(result.executions()).extracting((execution) -> execution.version().toString()).containsExactly("3");
		assertThat(tables()).contains("legacy", "orders").doesNotContain("users");
	}

	@Test
	void baselineOnMigrateLeavesAnEmptySchemaToTheMigrations() {
		Migrator migrator = builder(new CreateUsersTable(), new AddUsersName()).baselineOnMigrate(true)
			.baselineVersion("2")
			.build();

		migrator.migrate();

		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::type)
			.containsExactly(tuple("1", "MIGRATION"), tuple("2", "MIGRATION"));
		assertThat(columns("users")).contains("name");
	}

	@Test
	void baselineOnMigrateLooksAtTheMigratedSchemaWhenTheHistoryLivesElsewhere() {
		String schema = newSchemaName();
		this.jdbc.execute("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100))");
		Migrator migrator = builder(new CreateUsersTable(), new AddUsersName()).schema(schema)
			.baselineOnMigrate(true)
			.baselineVersion("1")
			.build();

		migrator.migrate();

		assertThat(historyOf(schema + "." + HISTORY)).extracting(HistoryEntry::version, HistoryEntry::type)
			.containsExactly(tuple("1", "BASELINE"), tuple("2", "MIGRATION"));
		assertThat(columns("users")).contains("name");
	}

	@Test
	void baselineOnMigrateIgnoresTablesBesideTheHistoryInItsOwnSchema() {
		String schema = newSchemaName();
		this.jdbc.execute("CREATE SCHEMA " + schema);
		this.jdbc.execute("CREATE TABLE " + schema + ".unrelated (id INT PRIMARY KEY)");
		Migrator migrator = builder(new CreateUsersTable(), new AddUsersName()).schema(schema)
			.baselineOnMigrate(true)
			.baselineVersion("1")
			.build();

		migrator.migrate();

		assertThat(historyOf(schema + "." + HISTORY)).extracting(HistoryEntry::version, HistoryEntry::type)
			.containsExactly(tuple("1", "MIGRATION"), tuple("2", "MIGRATION"));
		assertThat(columns("users")).contains("name");
	}

	// Configuration

	@ParameterizedTest
	@ValueSource(strings = { "history\"; DROP TABLE users; --", "history;", "my history", "a.b", "x'y", "", "1abc" })
	void tableNamesThatAreNotPlainIdentifiersAreRejectedBeforeAnySql(String table) {
		this.jdbc.execute("CREATE TABLE users (id INT PRIMARY KEY)");

		assertThatExceptionOfType(MigrateConfigurationException.class)
			.isThrownBy(() -> builder(new CreateUsersTable()).table(table).build())
			.withMessageContaining("is not a plain identifier");
		assertThat(tables()).containsExactly("users");
	}

	@ParameterizedTest
	@ValueSource(strings = { "audit\"; DROP TABLE users; --", "audit;", "my schema", "x'y" })
	void schemaNamesThatAreNotPlainIdentifiersAreRejectedBeforeAnySql(String schema) {
		this.jdbc.execute("CREATE TABLE users (id INT PRIMARY KEY)");

		assertThatExceptionOfType(MigrateConfigurationException.class)
			.isThrownBy(() -> builder(new CreateUsersTable()).schema(schema).build())
			.withMessageContaining("is not a plain identifier");
		assertThat(tables()).containsExactly("users");
	}

	@Test
	void historyTableCanLiveInItsOwnSchema() {
		String schema = newSchemaName();
		Migrator migrator = builder(new CreateUsersTable(), new AddUsersName()).schema(schema)
			.table("schema_changes")
			.build();

		migrator.migrate();

		assertThat(tablesIn(schema)).contains("schema_changes");
		assertThat(tables()).contains("users").doesNotContain("schema_changes", HISTORY);
		assertThat(historyOf(schema + ".schema_changes")).extracting(HistoryEntry::version, HistoryEntry::status)
			.containsExactly(tuple("1", "SUCCESS"), tuple("2", "SUCCESS"));
		assertThat(migrator.info().historyTable()).isEqualTo(schema + ".schema_changes");

		migrator.rollback(1);

		assertThat(historyOf(schema + ".schema_changes")).extracting(HistoryEntry::status)
			.containsExactly("SUCCESS", "ROLLED_BACK");
		assertThat(columns("users")).doesNotContain("name");
	}

	@Test
	void historyWrittenByANewerFormatIsRefused() {
		migrator(new CreateUsersTable()).migrate();
		this.jdbc.update("UPDATE " + HISTORY + " SET format_version = ?", 99);
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName());

		assertThatExceptionOfType(MigrateException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("written by a newer version of migrate")
			.withMessageContaining("format 99");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(migrator::info)
			.withMessageContaining("newer version");
		assertThat(columns("users")).doesNotContain("name");
		assertThat(history()).hasSize(1);
	}

	// Parameters and transactions

	@Test
	void everyParameterTypeWritesThroughTheMigrationConnection() {
		Migrator migrator = migrator(new CreateLedger(), new WriteLedgerThroughEveryParameter(this.dataSource, false));

		migrator.migrate();

		assertThat(this.jdbc.queryForList("SELECT source FROM ledger", String.class)).containsExactlyInAnyOrder(
				"JdbcTemplate", "NamedParameterJdbcTemplate", "JdbcClient", "Connection", "DataSource",
				"MigrationContext 2 UP", "application DataSource");
	}

	@Test
	void contextDescribesTheDatabase() throws SQLException {
		Migrator migrator = migrator(new CreateLedger(), new RecordDatabaseInfo());

		migrator.migrate();

		String product;
		int major;
		String schema;
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			product = metaData.getDatabaseProductName();
			major = metaData.getDatabaseMajorVersion();
			schema = schemasAreCatalogs() ? connection.getCatalog() : connection.getSchema();
		}
		assertThat(this.jdbc.queryForObject("SELECT source FROM ledger", String.class))
			.isEqualTo(product + "|" + major + "|" + schema + "|" + hasTransactionalDdl());
	}

	@Test
	void everyParameterTypeIsBoundToTheTransactionOfAFailingMigration() {
		Migrator migrator = migrator(new CreateLedger(), new WriteLedgerThroughEveryParameter(this.dataSource, true));

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("boom after writing the ledger");

		assertThat(count("SELECT COUNT(*) FROM ledger")).isZero();
		assertThat(states(migrator)).containsExactly(tuple("1", MigrationState.APPLIED),
				tuple("2", hasTransactionalDdl() ? MigrationState.PENDING : MigrationState.FAILED));
	}

	// Concurrency and locking

	// Instances starting together on an empty database race for the history table too.
	@RepeatedTest(3)
	void migratorsRunningAtOnceApplyEachMigrationExactlyOnce() throws Exception {
		int instances = 4;
		CyclicBarrier start = new CyclicBarrier(instances);
		ExecutorService executor = Executors.newFixedThreadPool(instances);
		try {
			List<Future<OperationResult>> results = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				Migrator migrator = migrator(new LogFirst(), new LogSecond(), new LogThird());
				results.add(executor.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return migrator.migrate();
				}));
			}
			int applied = 0;
			for (Future<OperationResult> result : results) {
				applied += result.get(60, TimeUnit.SECONDS).executions().size();
			}
			assertThat(applied).isEqualTo(3);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.jdbc.queryForList("SELECT version FROM applied_log ORDER BY version", String.class))
			.containsExactly("1", "2", "3");
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.containsExactly(tuple("1", "SUCCESS"), tuple("2", "SUCCESS"), tuple("3", "SUCCESS"));
	}

	@Test
	void secondMigratorTimesOutNamingTheHolderWhileTheFirstHoldsTheLock() throws Exception {
		BlockingMigration blocking = new BlockingMigration();
		Migrator first = migrator(blocking);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<OperationResult> firstRun = executor.submit(() -> first.migrate());
			assertThat(blocking.entered.await(30, TimeUnit.SECONDS)).isTrue();
			BlockingMigration released = new BlockingMigration();
			released.release.countDown();
			Migrator second = builder(released).lockTimeout(Duration.ofMillis(300)).build();

			if (hasTransactionalDdl()) {
				assertThat(states(second)).containsExactly(tuple("1", MigrationState.PENDING));
			}
			else {
				// The RUNNING row is committed before the work starts.
				assertThat(states(second)).containsExactly(tuple("1", MigrationState.FAILED));
				assertThat(second.validate().problems()).singleElement(as(STRING))
					.contains("did not finish")
					.contains("still running elsewhere");
			}
			assertThatExceptionOfType(MigrationLockException.class).isThrownBy(second::migrate).satisfies((ex) -> {
				assertThat(ex.getHolder()).isNotBlank();
				assertThat(ex.getMessage()).contains(ex.getHolder()).contains("within 300 ms");
			});
			assertThat(released.entered.getCount()).isOne();

			blocking.release.countDown();
			assertThat(firstRun.get(30, TimeUnit.SECONDS).executions()).hasSize(1);
		}
		finally {
			blocking.release.countDown();
			executor.shutdownNow();
		}
		assertThat(tables()).contains("locked_work");
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.containsExactly(tuple("1", "SUCCESS"));
	}

	@Test
	void rollbackInProgressIsRecordedBeforeItsDownRunsWhereDdlIsNotTransactional() throws Exception {
		BlockingDownMigration blocking = new BlockingDownMigration();
		Migrator first = migrator(blocking);
		first.migrate();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<OperationResult> rollback = executor.submit(() -> first.rollback(1));
			assertThat(blocking.entered.await(30, TimeUnit.SECONDS)).isTrue();
			Migrator observer = migrator(new BlockingDownMigration());

			if (hasTransactionalDdl()) {
				assertThat(states(observer)).containsExactly(tuple("1", MigrationState.APPLIED));
			}
			else {
				// A crash now would leave half a rollback: the next start must say so.
				assertThat(states(observer)).containsExactly(tuple("1", MigrationState.FAILED));
				assertThat(observer.validate().problems()).singleElement(as(STRING))
					.contains("was being rolled back")
					.contains("the rollback did not finish");
			}

			blocking.release.countDown();
			assertThat(rollback.get(30, TimeUnit.SECONDS).executions()).hasSize(1);
		}
		finally {
			blocking.release.countDown();
			executor.shutdownNow();
		}
		assertThat(tables()).doesNotContain("rolled_work");
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.containsExactly(tuple("1", "ROLLED_BACK"));
	}

	@Test
	void listenersSeeTheLockAndEachMigrationWithItsOutcome() {
		List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
		MigrationListener recorder = new MigrationListener() {

			@Override
			public void lockAcquired(Duration waited) {
				events.add("lock acquired after " + (waited.isNegative() ? "a negative wait" : "a wait"));
			}

			@Override
			public void beforeMigration(MigrationRun migration) {
				events.add("before " + migration.version() + " " + migration.direction());
			}

			@Override
			public void afterMigration(MigrationRun migration, Duration executionTime, Throwable failure) {
				events.add("after " + migration.version() + " " + migration.direction() + " "
						+ ((failure != null) ? failure.getClass().getSimpleName() : "ok"));
			}

		};
		MigrationListener broken = new MigrationListener() {

			@Override
			public void beforeMigration(MigrationRun migration) {
				throw new IllegalStateException("a broken listener must not stop migrations");
			}

		};
		Migrator migrator = builder(new CreateUsersTable(), new AddNicknameWithBrokenDown()).listener(broken)
			.listener(recorder)
			.build();

		migrator.migrate();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.rollback(1));

		assertThat(events).containsExactly("lock acquired after a wait", "before 1 UP", "after 1 UP ok", "before 2 UP",
				"after 2 UP ok", "lock acquired after a wait", "before 2 DOWN", "after 2 DOWN IllegalStateException");
	}

	@Test
	void migratorsOfDifferentDatabasesDoNotWaitForEachOther() throws Exception {
		BlockingMigration blocking = new BlockingMigration();
		Migrator first = migrator(blocking);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try (TestDatabase.Isolated other = createIsolated()) {
			Future<OperationResult> firstRun = executor.submit(() -> first.migrate());
			assertThat(blocking.entered.await(30, TimeUnit.SECONDS)).isTrue();
			Migrator second = Migrator.builder(other.dataSource())
				.migrations(List.of(new CreateUsersTable()))
				.lockTimeout(Duration.ofSeconds(2))
				.build();

			assertThat(second.migrate().executions()).hasSize(1);
			assertThat(new JdbcTemplate(other.dataSource()).queryForObject("SELECT COUNT(*) FROM users", Integer.class))
				.isZero();

			blocking.release.countDown();
			assertThat(firstRun.get(30, TimeUnit.SECONDS).executions()).hasSize(1);
		}
		finally {
			blocking.release.countDown();
			executor.shutdownNow();
		}
		assertThat(tables()).contains("locked_work").doesNotContain("users");
	}

	// Connection pools

	@Test
	void worksWithAPoolWhoseConnectionsDoNotAutoCommit() {
		try (HikariDataSource manualCommit = manualCommitPool()) {
			Migrator migrator = Migrator.builder(manualCommit)
				.migrations(List.of(new CreateUsersTable(), new AddUsersName(), new CreateInvoices(true)))
				.build();

			migrator.migrate("2");

			assertThat(columns("users")).contains("name");
			assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
				.containsExactly(tuple("1", "SUCCESS"), tuple("2", "SUCCESS"));

			migrator.rollback(1);

			assertThat(columns("users")).doesNotContain("name");
			assertThat(history()).extracting(HistoryEntry::status).containsExactly("SUCCESS", "ROLLED_BACK");

			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate);

			assertThat(columns("users")).contains("name");
			if (hasTransactionalDdl()) {
				assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
					.containsExactly(tuple("1", "SUCCESS"), tuple("2", "ROLLED_BACK"), tuple("2", "SUCCESS"));
				assertThat(tables()).doesNotContain("invoices");
			}
			else {
				assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
					.containsExactly(tuple("1", "SUCCESS"), tuple("2", "ROLLED_BACK"), tuple("2", "SUCCESS"),
							tuple("5", "FAILED"));
				this.jdbc.execute("DROP TABLE invoices");

				migrator.repair();

				assertThat(history()).extracting(HistoryEntry::version).containsExactly("1", "2", "2");
			}
		}
	}

	@Test
	void baselineWorksWithAPoolWhoseConnectionsDoNotAutoCommit() {
		try (HikariDataSource manualCommit = manualCommitPool()) {
			Migrator migrator = Migrator.builder(manualCommit)
				.migrations(List.of(new CreateUsersTable(), new AddUsersName()))
				.build();

			migrator.baseline("1");

			assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::type)
				.containsExactly(tuple("1", "BASELINE"));
		}
	}

	private HikariDataSource manualCommitPool() {
		TestDatabase.Isolated database = this.isolated;
		assertThat(database).isNotNull();
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(database.url());
		config.setUsername(database.user());
		config.setPassword(database.password());
		config.setAutoCommit(false);
		config.setMaximumPoolSize(8);
		config.setMinimumIdle(0);
		return new HikariDataSource(config);
	}

	@Test
	void instancesInDifferentDefaultLocalesShareTheLock() throws Exception {
		BlockingMigration blocking = new BlockingMigration();
		Migrator first = builder(blocking).table("MIGRATE_HISTORY").build();
		Locale locale = Locale.getDefault();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			// Turkish lower-cases "I" to a dotless "ı".
			Locale.setDefault(Locale.forLanguageTag("tr-TR"));
			Future<OperationResult> firstRun = executor.submit(() -> first.migrate());
			assertThat(blocking.entered.await(30, TimeUnit.SECONDS)).isTrue();
			Locale.setDefault(Locale.ROOT);
			BlockingMigration released = new BlockingMigration();
			released.release.countDown();
			Migrator second = builder(released).table("MIGRATE_HISTORY").lockTimeout(Duration.ofMillis(300)).build();

			assertThatExceptionOfType(MigrationLockException.class).isThrownBy(second::migrate);
			assertThat(released.entered.getCount()).isOne();

			blocking.release.countDown();
			assertThat(firstRun.get(30, TimeUnit.SECONDS).executions()).hasSize(1);
		}
		finally {
			Locale.setDefault(locale);
			blocking.release.countDown();
			executor.shutdownNow();
		}
		assertThat(tables()).contains("locked_work");
	}

	// Plans change nothing; missing migrations are reported

	@Test
	void planCreatesNeitherTheHistorySchemaNorAnyTable() throws SQLException {
		String schema = newSchemaName();
		Migrator migrator = builder(new CreateUsersTable(), new AddUsersName()).schema(schema).build();

		PlanResult plan = migrator.plan();

		assertThat(plan.migrations()).extracting((migration) -> migration.version().toString())
			.containsExactly("1", "2");
		assertThat(tables()).isEmpty();
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(Dialects.forMetaData(connection.getMetaData()).schemaExists(connection, schema)).isFalse();
		}
	}

	@Test
	void noMigrationInTheCodeWhileTheHistoryHoldsAppliedOnesIsReported() {
		migrator(new CreateUsersTable(), new AddUsersName()).migrate();
		Migrator withoutMigrations = migrator();

		assertThat(withoutMigrations.migrate().executions()).isEmpty();

		assertThat(withoutMigrations.info().warnings()).singleElement(as(STRING))
			.contains("No migration was found in the code")
			.contains("2 applied migration(s), up to version 2")
			.contains("Check that the package of the @Migration classes is scanned");
		assertThat(migrator(new CreateUsersTable(), new AddUsersName()).info().warnings()).isEmpty();
		assertThat(history()).extracting(HistoryEntry::status).containsExactly("SUCCESS", "SUCCESS");
	}

	// Spring's transaction management inside a migration

	@Test
	void transactionalCodeCalledByAMigrationJoinsItsTransaction() {
		Migrator migrator = migrator(new CreateEntries(), new WriteEntriesThroughATransactionTemplate(this.dataSource,
				TransactionDefinition.PROPAGATION_REQUIRED, true));

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 2")
			.withMessageContaining("boom after three entries");

		// The entry written through the transaction template went with the others.
		assertThat(count("SELECT COUNT(*) FROM entries")).isZero();
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.containsExactlyElementsOf(hasTransactionalDdl() ? List.of(tuple("1", "SUCCESS"))
					: List.of(tuple("1", "SUCCESS"), tuple("2", "FAILED")));
	}

	@Test
	void transactionalCodeCalledByAMigrationCommitsWithIt() {
		Migrator migrator = migrator(new CreateEntries(), new WriteEntriesThroughATransactionTemplate(this.dataSource,
				TransactionDefinition.PROPAGATION_REQUIRED, false));

		migrator.migrate();

		assertThat(this.jdbc.queryForList("SELECT id FROM entries ORDER BY id", Integer.class)).containsExactly(1, 2,
				3);
		assertThat(history()).extracting(HistoryEntry::status).containsExactly("SUCCESS", "SUCCESS");
	}

	@Test
	void transactionalCodeCalledByAMigrationJoinsTheTransactionOfModeAll() {
		Migrator migrator = builder(new CreateEntries(), new WriteEntriesThroughATransactionTemplate(this.dataSource,
				TransactionDefinition.PROPAGATION_REQUIRED, true))
			.transactionMode(TransactionMode.ALL)
			.build();

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 2")
			.withMessageContaining("boom after three entries");

		if (hasTransactionalDdl()) {
			assertThat(tables()).doesNotContain("entries");
			assertThat(history()).isEmpty();
		}
		else {
			// Without transactional DDL, ALL falls back to a transaction per migration.
			assertThat(count("SELECT COUNT(*) FROM entries")).isZero();
			assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
				.containsExactly(tuple("1", "SUCCESS"), tuple("2", "FAILED"));
		}
	}

	@ParameterizedTest
	@ValueSource(
			ints = { TransactionDefinition.PROPAGATION_REQUIRES_NEW, TransactionDefinition.PROPAGATION_NOT_SUPPORTED })
	void transactionalCodeAskingForATransactionOfItsOwnFailsTheMigration(int propagation) {
		Migrator migrator = migrator(new CreateEntries(),
				new WriteEntriesThroughATransactionTemplate(this.dataSource, propagation, false));

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 2")
			.withMessageContaining("asked for a new transaction (propagation REQUIRES_NEW or NOT_SUPPORTED)")
			.withMessageContaining("Use propagation REQUIRED");

		assertThat(count("SELECT COUNT(*) FROM entries")).isZero();
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.doesNotContain(tuple("2", "SUCCESS"));
	}

	@Test
	void transactionalCodeThatMarksTheTransactionRollbackOnlyFailsTheMigration() {
		Migrator migrator = migrator(new CreateEntries(), new WriteEntriesMarkedRollbackOnly(this.dataSource));

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 2")
			.withMessageContaining("rollback-only");

		assertThat(count("SELECT COUNT(*) FROM entries")).isZero();
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.doesNotContain(tuple("2", "SUCCESS"));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void migrationCannotCommitItsTransactionItself(boolean autoCommit) {
		Migrator migrator = migrator(new CreateEntries(), new CommitByHand(autoCommit));

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 2")
			.withMessageContaining((autoCommit ? "setAutoCommit" : "commit") + " was called by Migration 2")
			.withMessageContaining("transaction = TransactionMode.NONE");

		assertThat(count("SELECT COUNT(*) FROM entries")).isZero();
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.doesNotContain(tuple("2", "SUCCESS"));
	}

	// A lock lost while migrating

	@Test
	void historyRowWrittenMeanwhileByAnotherInstanceIsReportedAsSuch() {
		DataSource otherInstance = otherConnections();
		// Where DDL is transactional the row is written while migration 2 runs, before
		// its
		// own row; elsewhere migration 2 records itself as RUNNING first, so the other
		// instance writes between migrations 1 and 2.
		MigrationListener intruder = new MigrationListener() {

			@Override
			public void beforeMigration(MigrationRun migration) {
				if (hasTransactionalDdl() && migration.version().toString().equals("2")) {
					recordAppliedByAnotherInstance(otherInstance, 2, "2");
				}
			}

			@Override
			public void afterMigration(MigrationRun migration, Duration executionTime, @Nullable Throwable failure) {
				if (!hasTransactionalDdl() && migration.version().toString().equals("1")) {
					recordAppliedByAnotherInstance(otherInstance, 2, "2");
				}
			}

		};
		Migrator migrator = builder(new CreateUsersTable(), new AddUsersName()).listener(intruder).build();

		assertThatExceptionOfType(MigrationLockLostException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 2")
			.withMessageContaining("already holds a row with installed_rank 2")
			.withMessageContaining("another instance migrated meanwhile")
			.withMessageContaining("if migration 2 was applied by the other instance, nothing is left to do")
			.withMessageNotContaining("Fix the");

		assertThat(columns("users")).doesNotContain("name");
		assertThat(this.jdbc.queryForList("SELECT installed_by FROM " + HISTORY + " ORDER BY installed_rank",
				String.class))
			.hasSize(2)
			.last()
			.isEqualTo("another-instance");
	}

	@Test
	void lockLostBetweenTwoMigrationsStopsBeforeTheSecond() {
		DataSource otherInstance = otherConnections();
		Duration lease = Duration.ofMillis(600);
		MigrationListener loser = new MigrationListener() {

			@Override
			public void afterMigration(MigrationRun migration, Duration executionTime, @Nullable Throwable failure) {
				if (migration.version().toString().equals("1")) {
					// Once migration 1 is committed, before migrate turns to migration 2.
					TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

						@Override
						public void afterCommit() {
							loseTheLock(otherInstance, lease);
						}

					});
				}
			}

		};
		Migrator migrator = builder(new CreateUsersTable(), new AddUsersName()).lockLease(lease)
			.listener(loser)
			.build();

		assertThatExceptionOfType(MigrationLockLostException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("was lost")
			.withMessageContaining("migrate stopped before applying Migration 2")
			.withMessageContaining("Nothing of it was changed");

		assertThat(columns("users")).doesNotContain("name");
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
			.containsExactly(tuple("1", "SUCCESS"));
	}

	@Test
	void lockLostWhileAMigrationRunsStopsBeforeItsCommit() {
		DataSource otherInstance = otherConnections();
		Duration lease = Duration.ofMillis(600);
		List<Integer> completions = new java.util.concurrent.CopyOnWriteArrayList<>();
		MigrationListener loser = new MigrationListener() {

			@Override
			public void beforeMigration(MigrationRun migration) {
				if (migration.version().toString().equals("2")) {
					// As transactional code the migration calls would, to see how its
					// transaction ends.
					TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

						@Override
						public void afterCompletion(int status) {
							completions.add(status);
						}

					});
					loseTheLock(otherInstance, lease);
				}
			}

		};
		Migrator migrator = builder(new CreateUsersTable(), new AddUsersName()).lockLease(lease)
			.listener(loser)
			.build();

		assertThatExceptionOfType(MigrationLockLostException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("was lost")
			.withMessageContaining("migrate stopped before committing Migration 2")
			.withMessageContaining(hasTransactionalDdl() ? "Its up ran but was rolled back, with its history row"
					: "the history records it as RUNNING");

		assertThat(completions).containsExactly(TransactionSynchronization.STATUS_ROLLED_BACK);
		if (hasTransactionalDdl()) {
			assertThat(columns("users")).doesNotContain("name");
			assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
				.containsExactly(tuple("1", "SUCCESS"));
		}
		else {
			assertThat(columns("users")).contains("name");
			assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::status)
				.containsExactly(tuple("1", "SUCCESS"), tuple("2", "RUNNING"));
		}
	}

	/**
	 * Take the lock away from its holder: end its session, or, where the lock is a row,
	 * take the row over as an instance that judged the holder dead would, and give the
	 * holder time to notice.
	 * @param otherInstance connections other than the migrator's
	 * @param lease the holder's lease
	 */
	protected void loseTheLock(DataSource otherInstance, Duration lease) {
		switch (database()) {
			case POSTGRES, MARIADB -> LockSessions.terminateHolder(database(), otherInstance, HISTORY);
			default -> {
				assertThat(new JdbcTemplate(otherInstance).update("UPDATE " + HISTORY
						+ "_lock SET owner = 'another-instance', lock_version = lock_version + 1 WHERE id = 1"))
					.isOne();
				try {
					Thread.sleep(lease.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

	private void recordAppliedByAnotherInstance(DataSource otherInstance, int rank, String version) {
		new JdbcTemplate(otherInstance).update("INSERT INTO " + HISTORY + " (installed_rank, version, description,"
				+ " type, bean_name, class_name, checksum, installed_by, installed_on, execution_time, status,"
				+ " error_message, rolled_back_by, rolled_back_on, format_version) VALUES (?, ?, 'Add users name',"
				+ " 'MIGRATION', 'addUsersName', 'other.AddUsersName', NULL, 'another-instance', CURRENT_TIMESTAMP,"
				+ " 5, 'SUCCESS', NULL, NULL, NULL, 2)", rank, version);
	}

	/**
	 * Connections of another instance: not the migrator's data source, so that nothing a
	 * migration binds to the thread reaches them.
	 * @return a data source on the test's database
	 */
	protected DataSource otherConnections() {
		TestDatabase.Isolated database = this.isolated;
		assertThat(database).isNotNull();
		return new DriverManagerDataSource(database.url(), database.user(), database.password());
	}

	@Test
	void migrationBehindAJdkInterfaceProxyAppliesAndRollsBackThroughTheProxy() {
		ProxyFactory factory = new ProxyFactory(new CreateTagsBehindAnInterface());
		factory.addInterface(ContractMigrations.TagSteps.class);
		List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
		factory.addAdvice((MethodInterceptor) (invocation) -> {
			calls.add(invocation.getMethod().getName());
			return invocation.proceed();
		});
		Object proxy = factory.getProxy();
		assertThat(AopUtils.isJdkDynamicProxy(proxy)).isTrue();
		Migrator migrator = migrator(new CreateUsersTable(), proxy);

		migrator.migrate();

		assertThat(tables()).contains("tags");
		assertThat(history()).extracting(HistoryEntry::version, HistoryEntry::className)
			.containsExactly(tuple("1", CreateUsersTable.class.getName()),
					tuple("2", CreateTagsBehindAnInterface.class.getName()));

		migrator.rollback(1);

		assertThat(tables()).doesNotContain("tags");
		assertThat(history()).extracting(HistoryEntry::status).containsExactly("SUCCESS", "ROLLED_BACK");
		assertThat(calls).containsExactly("up", "down");
	}

	// Helpers

	private String newSchemaName() {
		String schema = "mh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		this.extraSchemas.add(schema);
		return schema;
	}

	protected Migrator.Builder builder(Object... migrations) {
		return Migrator.builder(this.dataSource).migrations(List.of(migrations)).lockTimeout(Duration.ofSeconds(60));
	}

	@Test
	void beanAndSqlFileOfOneVersionAreADefinitionErrorNamingBoth() {
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> builder(new CreateUsersTable()).locations("classpath:dev/migrate/sqlfiles/basic").build())
			.withMessageContaining("Duplicate version 1")
			.withMessageContaining("SQL file V1__Create_notes.sql")
			.withMessageContaining("bean 'createUsersTable'");
		assertThat(tables()).doesNotContain("sql_notes", "users");
	}

	@Test
	void sqlFileMigrationsApplyRecordAndRollBack() {
		Migrator migrator = builder(new AddNicknameToSqlNotes()).locations("classpath:dev/migrate/sqlfiles/basic")
			.build();
		PlanResult plan = migrator.plan();
		assertThat(plan.migrations()).extracting(PlanResult.PlannedMigration::beanName)
			.containsExactly("V1__Create_notes.sql", "V1_1__Index_notes.sql", "V2__Seed_notes.sql",
					"addNicknameToSqlNotes");
		assertThat(tables()).doesNotContain("sql_notes");

		migrator.migrate();
		assertThat(this.jdbc.queryForList("SELECT note FROM sql_notes ORDER BY id", String.class))
			.containsExactly("first;note", "second", "third");
		assertThat(history())
			.extracting(HistoryEntry::version, HistoryEntry::description, HistoryEntry::beanName, HistoryEntry::status)
			.containsExactly(tuple("1", "Create notes", "V1__Create_notes.sql", "SUCCESS"),
					tuple("1.1", "Index notes", "V1_1__Index_notes.sql", "SUCCESS"),
					tuple("2", "Seed notes", "V2__Seed_notes.sql", "SUCCESS"),
					tuple("3", "Add nickname to sql notes", "addNicknameToSqlNotes", "SUCCESS"));
		assertThat(history()).extracting(HistoryEntry::checksum).first(as(STRING)).startsWith("sql1:");

		migrator.rollbackTo("1.1");
		assertThat(this.jdbc.queryForList("SELECT note FROM sql_notes ORDER BY id", String.class)).as("U2 undid V2")
			.containsExactly("first;note");
		assertThatExceptionOfType(MigrateConfigurationException.class).isThrownBy(() -> migrator.rollbackTo("0"))
			.withMessageContaining("1.1");
		assertThat(migrator.validate().problems()).isEmpty();
	}

	@Test
	void sqlFileEditedAfterItWasAppliedFailsValidation() {
		builder().locations("classpath:dev/migrate/sqlfiles/basic").build().migrate("1.1");
		Migrator edited = builder().locations("classpath:dev/migrate/sqlfiles/changed").build();
		assertThat(edited.validate().problems()).singleElement(as(STRING))
			.contains("V1__Create_notes.sql")
			.contains("changed");
	}

	@Test
	void sqlScriptIsSplitAsTheDatabasesClientWouldAndRolledBackByItsDownScript() {
		String script = database().name().toLowerCase(Locale.ROOT);
		Migrator migrator = migrator(new NotesFromScript(script));
		PlanResult plan = migrator.plan();
		assertThat(plan.migrations()).singleElement()
			.extracting(PlanResult.PlannedMigration::statements, as(InstanceOfAssertFactories.LIST))
			.hasSize(5);
		assertThat(tables().contains("script_notes")).as("plan runs nothing").isFalse();

		migrator.migrate();
		assertThat(this.jdbc.queryForList("SELECT note FROM script_notes ORDER BY id", String.class))
			.containsExactly("semi;colon", "it's", "back\\slash;");
		assertThat(this.jdbc.queryForObject("SELECT script_next_id()" + fromDual(), Integer.class)).isEqualTo(4);
		assertThat(this.jdbc.queryForObject("SELECT script_label(7)" + fromDual(), String.class)).isEqualTo("note;7$$");

		migrator.rollback(1);
		assertThat(tables().contains("script_notes")).isFalse();
		migrator.migrate();
		assertThat(tables().contains("script_notes")).as("down dropped the functions too").isTrue();
	}

	@Test
	void missingScriptFailsTheMigrationNamingTheScript() {
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator(new MissingScript()).migrate())
			.withStackTraceContaining(
					"scripts/not-there.sql, which is not there (looked for class path resource [dev/migrate/scripts/not-there.sql])");
	}

	private String fromDual() {
		return (database() == TestDatabase.HSQLDB) ? " FROM (VALUES (0))" : "";
	}

	protected Migrator migrator(Object... migrations) {
		return builder(migrations).build();
	}

	private Migrator namedMigrator(Map<String, Object> migrations) {
		return Migrator.builder(this.dataSource)
			.migrations(new LinkedHashMap<>(migrations))
			.lockTimeout(Duration.ofSeconds(60))
			.build();
	}

	private static List<org.assertj.core.groups.Tuple> states(Migrator migrator) {
		return migrator.info()
			.migrations()
			.stream()
			.map((info) -> tuple(info.version().toString(), info.state()))
			.toList();
	}

	protected int count(String sql) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class);
		return (count != null) ? count : 0;
	}

	protected List<HistoryEntry> history() {
		return historyOf(HISTORY);
	}

	protected List<HistoryEntry> historyOf(String table) {
		return this.jdbc.query(
				"SELECT version, description, type, bean_name, class_name, checksum, status,"
						+ " error_message, rolled_back_by, rolled_back_on FROM " + table + " ORDER BY installed_rank",
				(rs, rowNum) -> new HistoryEntry(rs.getString("version"), rs.getString("description"),
						rs.getString("type"), rs.getString("bean_name"), rs.getString("class_name"),
						rs.getString("checksum"), rs.getString("status"), rs.getString("error_message"),
						rs.getString("rolled_back_by"), rs.getTimestamp("rolled_back_on") != null));
	}

	/**
	 * Tables of the test's own schema, in lower case.
	 * @return the table names
	 */
	protected Set<String> tables() {
		return tablesIn(null);
	}

	protected Set<String> tablesIn(@Nullable String schema) {
		return withMetaData((connection, metaData) -> {
			Set<String> tables = new TreeSet<>();
			try (ResultSet rs = metaData.getTables(catalog(connection, schema), schemaPattern(connection, schema), "%",
					null)) {
				while (rs.next()) {
					String type = rs.getString("TABLE_TYPE");
					if ("TABLE".equals(type) || "BASE TABLE".equals(type)) {
						tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
					}
				}
			}
			return tables;
		});
	}

	protected List<String> columns(String table) {
		return withMetaData((connection, metaData) -> {
			List<String> columns = new ArrayList<>();
			String storedTable = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
			try (ResultSet rs = metaData.getColumns(catalog(connection, null), schemaPattern(connection, null),
					storedTable, "%")) {
				while (rs.next()) {
					columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
				}
			}
			return columns;
		});
	}

	private @Nullable String catalog(Connection connection, @Nullable String schema) throws SQLException {
		if (!schemasAreCatalogs()) {
			return null;
		}
		return (schema != null) ? schema : connection.getCatalog();
	}

	private @Nullable String schemaPattern(Connection connection, @Nullable String schema) throws SQLException {
		if (schemasAreCatalogs()) {
			return null;
		}
		if (schema == null) {
			return connection.getSchema();
		}
		return connection.getMetaData().storesUpperCaseIdentifiers() ? schema.toUpperCase(Locale.ROOT) : schema;
	}

	private <T> T withMetaData(MetaDataCallback<T> callback) {
		try (Connection connection = this.dataSource.getConnection()) {
			return callback.doWith(connection, connection.getMetaData());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@FunctionalInterface
	private interface MetaDataCallback<T> {

		T doWith(Connection connection, DatabaseMetaData metaData) throws SQLException;

	}

	/**
	 * One row of the history table, as the database holds it.
	 */
	protected record HistoryEntry(String version, String description, String type, @Nullable String beanName,
			@Nullable String className, @Nullable String checksum, String status, @Nullable String errorMessage,
			@Nullable String rolledBackBy, boolean rolledBackOn) {

	}

}
