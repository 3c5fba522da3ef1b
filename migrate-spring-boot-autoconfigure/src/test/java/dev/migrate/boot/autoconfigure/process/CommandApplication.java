package dev.migrate.boot.autoconfigure.process;

import dev.migrate.Migration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An application that the command tests start in a JVM of its own.
 */
@SpringBootApplication
public class CommandApplication {

	public static void main(String[] args) {
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

}
