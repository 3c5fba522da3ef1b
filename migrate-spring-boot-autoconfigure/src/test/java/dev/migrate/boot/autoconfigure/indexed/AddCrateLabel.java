package dev.migrate.boot.autoconfigure.indexed;

import java.util.concurrent.atomic.AtomicInteger;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "2", description = "Add a label to crates")
public class AddCrateLabel {

	public static final AtomicInteger instances = new AtomicInteger();

	public AddCrateLabel() {
		instances.incrementAndGet();
	}

	public void up(JdbcTemplate jdbc) {
		jdbc.execute("ALTER TABLE crates ADD COLUMN label VARCHAR(20)");
	}

	public void down(JdbcTemplate jdbc) {
		jdbc.execute("ALTER TABLE crates DROP COLUMN label");
	}

}
