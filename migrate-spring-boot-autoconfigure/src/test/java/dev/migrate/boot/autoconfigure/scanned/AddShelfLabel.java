package dev.migrate.boot.autoconfigure.scanned;

import java.util.concurrent.atomic.AtomicInteger;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "2", description = "Add a label to shelves")
public class AddShelfLabel {

	public static final AtomicInteger instances = new AtomicInteger();

	public AddShelfLabel() {
		instances.incrementAndGet();
	}

	public void up(JdbcTemplate jdbc) {
		jdbc.execute("ALTER TABLE shelves ADD COLUMN label VARCHAR(20)");
	}

	public void down(JdbcTemplate jdbc) {
		jdbc.execute("ALTER TABLE shelves DROP COLUMN label");
	}

}
