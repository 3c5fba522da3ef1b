package dev.migrate.boot.autoconfigure.inherited;

import java.io.Serializable;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "4")
public class AddCrateSize extends Counted implements Serializable {

	public void up(JdbcTemplate jdbc) {
		jdbc.execute("ALTER TABLE crates ADD COLUMN size INT");
	}

}
