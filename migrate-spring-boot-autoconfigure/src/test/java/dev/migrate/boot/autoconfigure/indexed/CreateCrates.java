package dev.migrate.boot.autoconfigure.indexed;

import java.util.concurrent.atomic.AtomicInteger;

import dev.migrate.Migration;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "1", description = "Create crates")
public class CreateCrates {

	public static final AtomicInteger instances = new AtomicInteger();

	private final String table;

	public CreateCrates(Environment environment) {
		this.table = environment.getRequiredProperty("crates.table");
		instances.incrementAndGet();
	}

	public void up(JdbcTemplate jdbc) {
		jdbc.execute("CREATE TABLE " + this.table + " (id INT PRIMARY KEY)");
	}

	public void down(JdbcTemplate jdbc) {
		jdbc.execute("DROP TABLE " + this.table);
	}

}
