package dev.migrate.boot.autoconfigure;

import javax.sql.DataSource;

import dev.migrate.Migration;
import dev.migrate.TransactionMode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Migrations the tests apply, written in SQL that H2, PostgreSQL and MariaDB all accept.
 */
final class TestMigrations {

	private TestMigrations() {
	}

	@Migration(version = "1", description = "Create books")
	static class CreateBooks {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE book (id INT PRIMARY KEY, title VARCHAR(100) NOT NULL)");
			jdbc.update("INSERT INTO book (id, title) VALUES (1, 'Seeded by migration 1')");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE book");
		}

	}

	@Migration(version = "2", description = "Add author to books")
	static class AddAuthor {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE book ADD COLUMN author VARCHAR(100)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE book DROP COLUMN author");
		}

	}

	@Migration(version = "3", description = "Create shelves")
	static class CreateShelves {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE shelf (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE shelf");
		}

	}

	@Migration(version = "4", description = "Fail on purpose", transaction = TransactionMode.NONE)
	static class FailOnPurpose {

		public void up(JdbcTemplate jdbc) {
			jdbc.update("INSERT INTO no_such_table (id) VALUES (1)");
		}

	}

	/**
	 * A transactional application service that writes loans through the application's
	 * data source, as migrations may call it.
	 */
	static class LoanService {

		private final JdbcTemplate jdbc;

		LoanService(DataSource dataSource) {
			this.jdbc = new JdbcTemplate(dataSource);
		}

		@Transactional
		public void lend(int id) {
			this.jdbc.update("INSERT INTO loan (id) VALUES (?)", id);
		}

	}

	/**
	 * Creates the loan table, writes loan 1, has {@link LoanService} write loan 2, writes
	 * loan 3, then fails.
	 */
	@Migration(version = "2", description = "Create loans through a service")
	static class CreateLoansThroughAService {

		private final LoanService loans;

		CreateLoansThroughAService(LoanService loans) {
			this.loans = loans;
		}

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE loan (id INT PRIMARY KEY)");
			jdbc.update("INSERT INTO loan (id) VALUES (1)");
			this.loans.lend(2);
			jdbc.update("INSERT INTO loan (id) VALUES (3)");
			throw new IllegalStateException("boom after three loans");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE IF EXISTS loan");
		}

	}

	/**
	 * A migration that is itself {@code @Transactional}, so a CGLIB proxy: creates the
	 * loan table and writes loans 1 and 2, the second through {@link LoanService}.
	 */
	@Migration(version = "2", description = "Create loans, transactional")
	@Transactional
	static class TransactionalCreateLoans {

		private final LoanService loans;

		TransactionalCreateLoans(LoanService loans) {
			this.loans = loans;
		}

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE loan (id INT PRIMARY KEY)");
			jdbc.update("INSERT INTO loan (id) VALUES (1)");
			this.loans.lend(2);
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE IF EXISTS loan");
		}

	}

	@Migration(version = "3", description = "Write a loan, then fail")
	static class WriteALoanThenFail {

		public void up(JdbcTemplate jdbc) {
			jdbc.update("INSERT INTO loan (id) VALUES (99)");
			throw new IllegalStateException("boom after loan 99");
		}

	}

	/**
	 * The steps of {@link CreateLoansBehindAnInterface}, through which a JDK proxy calls
	 * it.
	 */
	interface LoanSteps {

		void up(JdbcTemplate jdbc);

		void down(JdbcTemplate jdbc);

	}

	/**
	 * A {@code @Transactional} migration with an interface: a JDK proxy where
	 * {@code spring.aop.proxy-target-class=false}.
	 */
	@Migration(version = "2", description = "Create loans behind an interface")
	@Transactional
	static class CreateLoansBehindAnInterface implements LoanSteps {

		@Override
		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE loan (id INT PRIMARY KEY)");
			jdbc.update("INSERT INTO loan (id) VALUES (1)");
		}

		@Override
		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE loan");
		}

	}

}
