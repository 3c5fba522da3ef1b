package dev.migrate.boot.autoconfigure;

import dev.migrate.Migration;
import dev.migrate.TransactionMode;

import org.springframework.jdbc.core.JdbcTemplate;

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

}
