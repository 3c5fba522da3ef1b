package dev.migrate.boot.autoconfigure.inherited;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "3")
public class CreateCrates extends CrateMigration {

	public void up(JdbcTemplate jdbc) {
		jdbc.execute("CREATE TABLE crates (id INT PRIMARY KEY)");
	}

}
