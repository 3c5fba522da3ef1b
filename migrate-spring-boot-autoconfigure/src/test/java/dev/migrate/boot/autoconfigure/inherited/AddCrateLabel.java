package dev.migrate.boot.autoconfigure.inherited;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "5")
public class AddCrateLabel extends Counted implements LabelChange {

	public void up(JdbcTemplate jdbc) {
		jdbc.execute("ALTER TABLE crates ADD COLUMN label VARCHAR(20)");
	}

}
