package dev.migrate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrate.ContractMigrations.AddUsersName;
import dev.migrate.ContractMigrations.CreateOrdersTable;
import dev.migrate.ContractMigrations.CreateUsersTable;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * Bad input that reaches the engine through the database rather than through the code: a
 * history table edited or cut down by hand, and text that would be SQL if it were not
 * bound as a parameter. Each test asserts the message and that nothing else was changed.
 */
abstract class AbstractBadInputContractTests {

	private static final String HISTORY = "migrate_history";

	/** Text that would drop the users table if it were ever concatenated into SQL. */
	static final String INJECTION = "O'Neil'); DROP TABLE users; --";

	private TestDatabase.Isolated isolated;

	private DataSource dataSource;

	private JdbcTemplate jdbc;

	protected abstract TestDatabase database();

	protected boolean hasTransactionalDdl() {
		return false;
	}

	@BeforeEach
	void createDatabase() {
		this.isolated = database().createIsolated();
		this.dataSource = this.isolated.dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@AfterEach
	void dropDatabase() {
		this.isolated.close();
	}

	// A history row edited by hand

	@Test
	void versionEditedByHandToSomethingThatIsNotAVersionIsReportedNamingTheRow() {
		migrator(new CreateUsersTable(), new AddUsersName()).migrate();
		this.jdbc.update("UPDATE " + HISTORY + " SET version = 'abc' WHERE installed_rank = 2");
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable());

		assertThatExceptionOfType(MigrateException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("The history table " + HISTORY)
			.withMessageContaining("installed_rank 2")
			.withMessageContaining("version 'abc' is not valid")
			.withMessageContaining("edited by hand")
			.withMessageContaining("Correct or delete that row");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(migrator::info)
			.withMessageContaining("version 'abc'");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.rollback(1))
			.withMessageContaining("version 'abc'");
		assertThat(history()).containsExactly("1:SUCCESS", "abc:SUCCESS");
		assertThat(hasTable("orders")).isFalse();
		assertThat(hasColumn("users", "name")).isTrue();
	}

	@Test
	void checksumEditedByHandFailsValidationUntilRepaired() {
		migrator(new CreateUsersTable(), new AddUsersName()).migrate();
		this.jdbc.update("UPDATE " + HISTORY + " SET checksum = 'b1:deadbeef' WHERE installed_rank = 2");
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable());

		assertThat(migrator.validate().problems()).singleElement(as(STRING))
			.contains("Migration 2 (bean 'addUsersName', " + AddUsersName.class.getName() + ")")
			.contains("checksum b1:deadbeef in the history")
			.contains("run repair");
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 2")
			.withMessageContaining("was changed after it was applied")
			.withMessageContaining("Nothing was changed in the database");
		assertThat(hasTable("orders")).isFalse();
		assertThat(history()).containsExactly("1:SUCCESS", "2:SUCCESS");

		migrator.repair();

		assertThat(migrator.validate().isValid()).isTrue();
		assertThat(migrator.migrate().executions()).hasSize(1);
		assertThat(hasTable("orders")).isTrue();
	}

	@Test
	void versionEditedByHandToAHigherVersionMakesTheRealOneOutOfOrder() {
		migrator(new CreateUsersTable(), new AddUsersName()).migrate();
		this.jdbc.update("UPDATE " + HISTORY + " SET version = '7' WHERE installed_rank = 2");
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName());

		assertThat(migrator.info().migrations()).extracting((info) -> info.version() + ":" + info.state())
			.containsExactly("1:APPLIED", "2:OUT_OF_ORDER", "7:FUTURE");
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 2 (bean 'addUsersName'")
			.withMessageContaining("version 7 is already applied");
		assertThat(history()).containsExactly("1:SUCCESS", "7:SUCCESS");
		assertThat(hasColumn("users", "name")).isTrue();
	}

	// A history row deleted by hand

	@Test
	void rowBelowTheLatestDeletedByHandMakesItsMigrationOutOfOrder() {
		migrator(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable()).migrate();
		this.jdbc.update("DELETE FROM " + HISTORY + " WHERE version = '2'");
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable());

		assertThat(migrator.validate().problems()).singleElement(as(STRING))
			.contains("Migration 2 (bean 'addUsersName'")
			.contains("is pending, but version 3 is already applied");
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 2")
			.withMessageContaining("Nothing was changed in the database");
		assertThat(history()).containsExactly("1:SUCCESS", "3:SUCCESS");
		assertThat(hasColumn("users", "name")).isTrue();
		assertThat(hasTable("orders")).isTrue();
	}

	@Test
	void rowOfTheLatestMigrationDeletedByHandRunsItAgainAndFailsOnTheExistingTable() {
		migrator(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable()).migrate();
		this.jdbc.update("INSERT INTO orders (id) VALUES (42)");
		this.jdbc.update("DELETE FROM " + HISTORY + " WHERE version = '3'");
		Migrator migrator = migrator(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable());

		assertThat(migrator.info().pending()).extracting((info) -> info.version().toString()).containsExactly("3");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 3 (Create orders table, bean 'createOrdersTable'")
			.withMessageContaining("failed in up")
			.satisfies((ex) -> assertThat(ex.getMessage())
				.contains(NestedExceptionUtils.getMostSpecificCause(ex).getClass().getSimpleName() + ": ")
				.containsIgnoringCase("already exists"));
		// The existing table and its data are untouched.
		assertThat(this.jdbc.queryForObject("SELECT id FROM orders", Integer.class)).isEqualTo(42);
		if (hasTransactionalDdl()) {
			assertThat(history()).containsExactly("1:SUCCESS", "2:SUCCESS");
		}
		else {
			assertThat(history()).containsExactly("1:SUCCESS", "2:SUCCESS", "3:FAILED");
			assertThat(migrator.validate().problems()).singleElement(as(STRING))
				.contains("Migration 3")
				.contains("run repair");
		}
	}

	// Values are bound, never part of the SQL text

	@Test
	void descriptionBeanNameAndInstallerAreRecordedVerbatim() {
		Map<String, Object> migrations = new LinkedHashMap<>();
		migrations.put("createUsersTable", new CreateUsersTable());
		migrations.put(INJECTION, new DescribedWithQuotes());
		Migrator migrator = Migrator.builder(this.dataSource)
			.migrations(migrations)
			.installedBy(INJECTION)
			.lockTimeout(Duration.ofSeconds(60))
			.build();

		migrator.migrate();
		migrator.rollback(1);

		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"SELECT description, bean_name, installed_by, rolled_back_by FROM " + HISTORY + " WHERE version = '2'");
		assertThat(rows).singleElement()
			.satisfies((row) -> assertThat(row.values()).containsExactly(DescribedWithQuotes.DESCRIPTION, INJECTION,
					INJECTION, INJECTION));
		assertThat(hasTable("users")).isTrue();
		assertThat(history()).containsExactly("1:SUCCESS", "2:ROLLED_BACK");
		assertThat(migrator.info().migrations().get(1).description()).isEqualTo(DescribedWithQuotes.DESCRIPTION);
	}

	@Test
	void baselineDescriptionIsRecordedVerbatim() {
		Migrator migrator = builder(new CreateUsersTable()).baselineDescription(INJECTION).build();
		this.jdbc.execute("CREATE TABLE users (id INT PRIMARY KEY)");

		migrator.baseline("1");

		assertThat(this.jdbc.queryForObject("SELECT description FROM " + HISTORY, String.class)).isEqualTo(INJECTION);
		assertThat(hasTable("users")).isTrue();
	}

	// Helpers

	private Migrator.Builder builder(Object... migrations) {
		return Migrator.builder(this.dataSource).migrations(List.of(migrations)).lockTimeout(Duration.ofSeconds(60));
	}

	private Migrator migrator(Object... migrations) {
		return builder(migrations).build();
	}

	private List<String> history() {
		return this.jdbc.query("SELECT version, status FROM " + HISTORY + " ORDER BY installed_rank",
				(rs, rowNum) -> rs.getString(1) + ":" + rs.getString(2));
	}

	private boolean hasTable(String table) {
		return hasColumn(table, "*");
	}

	private boolean hasColumn(String table, String column) {
		try {
			this.jdbc.queryForList("SELECT " + column + " FROM " + table);
			return true;
		}
		catch (DataAccessException ex) {
			return false;
		}
	}

	@Migration(version = "2", description = DescribedWithQuotes.DESCRIPTION)
	public static class DescribedWithQuotes {

		static final String DESCRIPTION = "Users' nicknames'; DROP TABLE users; --";

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE nicknames (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE nicknames");
		}

	}

}
