package dev.migrate.boot.autoconfigure.scanned;

import java.util.concurrent.atomic.AtomicInteger;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "1")
public class CreateShelves {

	public static final AtomicInteger instances = new AtomicInteger();

	public CreateShelves() {
		instances.incrementAndGet();
	}

	public void up(JdbcTemplate jdbc) {
		jdbc.execute("CREATE TABLE shelves (id INT PRIMARY KEY)");
	}

	public void down(JdbcTemplate jdbc) {
		jdbc.execute("DROP TABLE shelves");
	}

}
