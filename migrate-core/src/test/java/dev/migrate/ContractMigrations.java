package dev.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Migrations used by {@link AbstractMigratorContractTests}. Their SQL runs unchanged on
 * H2, HSQLDB, PostgreSQL and MariaDB.
 */
final class ContractMigrations {

	private ContractMigrations() {
	}

	@Migration(version = "1")
	public static class CreateUsersTable {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100))");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE users");
		}

	}

	@Migration(version = "1.1", description = "Create tags")
	public static class CreateTagsTable {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE tags (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE tags");
		}

	}

	@Migration(version = "2", description = "Add name to users")
	public static class AddUsersName {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE users ADD COLUMN name VARCHAR(50)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE users DROP COLUMN name");
		}

	}

	@Migration(version = "3")
	public static class CreateOrdersTable {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE orders (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE orders");
		}

	}

	@Migration(version = "4", description = "Create archive, irreversibly")
	public static class CreateArchiveTable {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE archive (id INT PRIMARY KEY)");
		}

	}

	/**
	 * Adds a column; its down drops it and then fails.
	 */
	@Migration(version = "2", description = "Add nickname to users")
	public static class AddNicknameWithBrokenDown {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE users ADD COLUMN nickname VARCHAR(50)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE users DROP COLUMN nickname");
			throw new IllegalStateException("boom in down");
		}

	}

	/**
	 * {@link AddNicknameWithBrokenDown} with its down method fixed, and able to finish a
	 * rollback that dropped the column before failing.
	 */
	@Migration(version = "2")
	public static class AddNickname {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE users ADD COLUMN nickname VARCHAR(50)");
		}

		public void down(JdbcTemplate jdbc) {
			if (hasNickname(jdbc)) {
				jdbc.execute("ALTER TABLE users DROP COLUMN nickname");
			}
		}

		// Not every database has DROP COLUMN IF EXISTS (HSQLDB has not).
		private static boolean hasNickname(JdbcTemplate jdbc) {
			try {
				jdbc.queryForList("SELECT nickname FROM users WHERE 1 = 0");
				return true;
			}
			catch (DataAccessException ex) {
				return false;
			}
		}

	}

	@Migration(version = "9")
	public static class CreateNinthTable {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE ninth (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE ninth");
		}

	}

	@Migration(version = "10")
	public static class CreateTenthTable {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE tenth (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE tenth");
		}

	}

	/**
	 * Creates a table, inserts a row, then fails unless told otherwise. Its down cleans
	 * up whatever part of it was applied.
	 */
	@Migration(version = "5", description = "Create invoices")
	public static class CreateInvoices {

		private final boolean fail;

		public CreateInvoices(boolean fail) {
			this.fail = fail;
		}

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE invoices (id INT PRIMARY KEY)");
			jdbc.update("INSERT INTO invoices (id) VALUES (1)");
			if (this.fail) {
				throw new IllegalStateException("boom in invoices");
			}
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE IF EXISTS invoices");
		}

	}

	/**
	 * The same as {@link CreateInvoices}, outside any transaction.
	 */
	@Migration(version = "5", description = "Create invoices", transaction = TransactionMode.NONE)
	public static class CreateInvoicesWithoutTransaction {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE invoices (id INT PRIMARY KEY)");
			jdbc.update("INSERT INTO invoices (id) VALUES (1)");
			throw new IllegalStateException("boom in invoices");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE IF EXISTS invoices");
		}

	}

	@Migration(version = "1")
	public static class CreateLedger {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE ledger (source VARCHAR(50) PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE ledger");
		}

	}

	/**
	 * Writes one ledger row through each supported parameter type, and through the
	 * application's own data source, then fails if told to.
	 */
	@Migration(version = "2")
	public static class WriteLedgerThroughEveryParameter {

		private final DataSource applicationDataSource;

		private final boolean fail;

		public WriteLedgerThroughEveryParameter(DataSource applicationDataSource, boolean fail) {
			this.applicationDataSource = applicationDataSource;
			this.fail = fail;
		}

		public void up(JdbcTemplate jdbcTemplate, NamedParameterJdbcTemplate named, JdbcClient client,
				Connection connection, DataSource dataSource, MigrationContext context) throws SQLException {
			jdbcTemplate.update("INSERT INTO ledger (source) VALUES (?)", "JdbcTemplate");
			named.update("INSERT INTO ledger (source) VALUES (:source)",
					Map.of("source", "NamedParameterJdbcTemplate"));
			client.sql("INSERT INTO ledger (source) VALUES (?)").param("JdbcClient").update();
			try (PreparedStatement statement = connection.prepareStatement("INSERT INTO ledger (source) VALUES (?)")) {
				statement.setString(1, "Connection");
				statement.executeUpdate();
			}
			new JdbcTemplate(dataSource).update("INSERT INTO ledger (source) VALUES (?)", "DataSource");
			context.jdbcClient()
				.sql("INSERT INTO ledger (source) VALUES (?)")
				.param("MigrationContext " + context.version() + " " + context.direction())
				.update();
			new JdbcTemplate(this.applicationDataSource).update("INSERT INTO ledger (source) VALUES (?)",
					"application DataSource");
			if (this.fail) {
				throw new IllegalStateException("boom after writing the ledger");
			}
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.update("DELETE FROM ledger");
		}

	}

	/**
	 * Records what the context says about the database.
	 */
	@Migration(version = "2")
	public static class RecordDatabaseInfo {

		public void up(MigrationContext context) {
			DatabaseInfo database = context.database();
			context.jdbcTemplate()
				.update("INSERT INTO ledger (source) VALUES (?)", database.product() + "|" + database.majorVersion()
						+ "|" + database.schema() + "|" + database.transactionalDdl());
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.update("DELETE FROM ledger");
		}

	}

	@Migration(version = "1")
	public static class LogFirst {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE applied_log (version VARCHAR(10) PRIMARY KEY)");
			jdbc.update("INSERT INTO applied_log (version) VALUES ('1')");
		}

	}

	@Migration(version = "2")
	public static class LogSecond {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE second_table (id INT PRIMARY KEY)");
			jdbc.update("INSERT INTO applied_log (version) VALUES ('2')");
		}

	}

	@Migration(version = "3")
	public static class LogThird {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE third_table (id INT PRIMARY KEY)");
			jdbc.update("INSERT INTO applied_log (version) VALUES ('3')");
		}

	}

	/**
	 * Signals that it runs, then waits to be released before creating its table.
	 */
	@Migration(version = "1")
	public static class BlockingMigration {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		public void up(JdbcTemplate jdbc) throws InterruptedException {
			this.entered.countDown();
			if (!this.release.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not released within 30 s");
			}
			jdbc.execute("CREATE TABLE locked_work (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE locked_work");
		}

	}

	@Migration(version = "1")
	public static class BlockingDownMigration {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rolled_work (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) throws InterruptedException {
			this.entered.countDown();
			if (!this.release.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not released within 30 s");
			}
			jdbc.execute("DROP TABLE rolled_work");
		}

	}

	@Migration(version = "1", beanName = "createCustomers")
	public static class CreateCustomersOriginal {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE customers (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE customers");
		}

	}

	@Migration(version = "1", beanName = "createCustomers")
	public static class CreateCustomersChanged {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50))");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE customers");
		}

	}

	@Migration(version = "1.0")
	public static class DuplicateOfFirstVersion {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE duplicate (id INT PRIMARY KEY)");
		}

	}

	@Migration(version = "1", description = "Notes from a script")
	public static class NotesFromScript {

		private final String script;

		public NotesFromScript(String script) {
			this.script = script;
		}

		public void up(MigrationContext context) {
			context.executeScript("scripts/" + this.script + "-up.sql");
		}

		public void down(MigrationContext context) {
			context.executeScript("/dev/migrate/scripts/" + this.script + "-down.sql");
		}

	}

	@Migration(version = "1")
	public static class CreateEntries {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE entries (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE entries");
		}

	}

	@Migration(version = "1", description = "Script that is not there")
	public static class MissingScript {

		public void up(MigrationContext context) {
			context.executeScript("scripts/not-there.sql");
		}

	}

	/**
	 * A transaction template over the application's data source, as a service the
	 * migration calls would use.
	 * @param dataSource the application's data source
	 * @param propagation the propagation behaviour
	 * @return the template
	 */
	static TransactionTemplate transactionTemplate(DataSource dataSource, int propagation) {
		TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		template.setPropagationBehavior(propagation);
		return template;
	}

	/**
	 * Inserts entry 1, has code using Spring's transaction management on the
	 * application's data source insert entry 2, inserts entry 3, then fails if told to.
	 */
	@Migration(version = "2", description = "Write entries through a service")
	public static class WriteEntriesThroughATransactionTemplate {

		private final DataSource applicationDataSource;

		private final TransactionTemplate service;

		private final boolean fail;

		public WriteEntriesThroughATransactionTemplate(DataSource applicationDataSource, int propagation,
				boolean fail) {
			this.applicationDataSource = applicationDataSource;
			this.service = transactionTemplate(applicationDataSource, propagation);
			this.fail = fail;
		}

		public void up(JdbcTemplate jdbc) {
			jdbc.update("INSERT INTO entries (id) VALUES (1)");
			this.service.executeWithoutResult((status) -> new JdbcTemplate(this.applicationDataSource)
				.update("INSERT INTO entries (id) VALUES (2)"));
			jdbc.update("INSERT INTO entries (id) VALUES (3)");
			if (this.fail) {
				throw new IllegalStateException("boom after three entries");
			}
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.update("DELETE FROM entries");
		}

	}

	/**
	 * Inserts entry 1; transactional code it calls inserts entry 2 and marks the
	 * transaction rollback-only, as code that catches its own failure does.
	 */
	@Migration(version = "2", description = "Write entries, one marked rollback-only")
	public static class WriteEntriesMarkedRollbackOnly {

		private final DataSource applicationDataSource;

		private final TransactionTemplate service;

		public WriteEntriesMarkedRollbackOnly(DataSource applicationDataSource) {
			this.applicationDataSource = applicationDataSource;
			this.service = transactionTemplate(applicationDataSource, TransactionDefinition.PROPAGATION_REQUIRED);
		}

		public void up(JdbcTemplate jdbc) {
			jdbc.update("INSERT INTO entries (id) VALUES (1)");
			this.service.executeWithoutResult((status) -> {
				new JdbcTemplate(this.applicationDataSource).update("INSERT INTO entries (id) VALUES (2)");
				status.setRollbackOnly();
			});
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.update("DELETE FROM entries");
		}

	}

	/**
	 * Inserts entry 1, then tries to end the transaction itself: {@code commit()}, or
	 * {@code setAutoCommit(true)}.
	 */
	@Migration(version = "2", description = "Commit by hand")
	public static class CommitByHand {

		private final boolean autoCommit;

		public CommitByHand(boolean autoCommit) {
			this.autoCommit = autoCommit;
		}

		public void up(Connection connection) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement("INSERT INTO entries (id) VALUES (1)")) {
				statement.executeUpdate();
			}
			if (this.autoCommit) {
				connection.setAutoCommit(true);
			}
			else {
				connection.commit();
			}
			try (PreparedStatement statement = connection.prepareStatement("INSERT INTO entries (id) VALUES (2)")) {
				statement.executeUpdate();
			}
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.update("DELETE FROM entries");
		}

	}

	/**
	 * The steps of {@link CreateTagsBehindAnInterface}, through which a JDK proxy calls
	 * it.
	 */
	public interface TagSteps {

		void up(JdbcTemplate jdbc);

		void down(JdbcTemplate jdbc);

	}

	@Migration(version = "2", description = "Create tags behind an interface")
	public static class CreateTagsBehindAnInterface implements TagSteps {

		@Override
		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE tags (id INT PRIMARY KEY)");
		}

		@Override
		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE tags");
		}

	}

	@Migration(version = "3")
	public static class AddNicknameToSqlNotes {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE sql_notes ADD COLUMN nickname VARCHAR(50)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE sql_notes DROP COLUMN nickname");
		}

	}

}
