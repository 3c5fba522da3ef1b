package dev.migrate.boot.autoconfigure.process;

import dev.migrate.Migration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An application that the command tests start in a JVM of its own. Started the two ways
 * applications are: {@code SpringApplication.run} alone, a failure escaping {@code main};
 * or, with {@code -Dcommand-test.exit=true},
 * {@code System.exit(SpringApplication.exit(SpringApplication.run(...)))}.
 */
@SpringBootApplication
public class CommandApplication {

	public static void main(String[] args) {
		if (Boolean.getBoolean("command-test.exit")) {
			System.exit(SpringApplication.exit(SpringApplication.run(CommandApplication.class, args)));
		}
		SpringApplication.run(CommandApplication.class, args);
	}

	@Migration(version = "1")
	static class CreateItems {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE item (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE item");
		}

	}

	@Migration(version = "2")
	static class AddItemName {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE item ADD COLUMN name VARCHAR(50)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE item DROP COLUMN name");
		}

	}

	/** A migration whose up fails: with {@code --command-test.failing=true}. */
	@Migration(version = "3")
	@ConditionalOnBooleanProperty("command-test.failing")
	static class InsertIntoNoSuchTable {

		public void up(JdbcTemplate jdbc) {
			jdbc.update("INSERT INTO no_such_table (id) VALUES (1)");
		}

	}

	/** A migration whose down fails: with {@code --command-test.throwing-down=true}. */
	@Migration(version = "3")
	@ConditionalOnBooleanProperty("command-test.throwing-down")
	static class CreateLabels {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE label (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			throw new IllegalStateException("down of migration 3 fails on purpose");
		}

	}

	/** A migration without up method: with {@code --command-test.broken=true}. */
	@Migration(version = "3")
	@ConditionalOnBooleanProperty("command-test.broken")
	static class WithoutUp {

		public void apply(JdbcTemplate jdbc) {
		}

	}

}
