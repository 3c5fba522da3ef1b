package com.example.migrations;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "2")
public class TextBlockView {

	public void up(JdbcTemplate jdbc) {
		jdbc.execute("""
				CREATE VIEW active_users AS
				SELECT id, email
				FROM users
				WHERE disabled = FALSE
				""");
	}

	public void down(JdbcTemplate jdbc) {
		jdbc.execute("DROP VIEW active_users");
	}

}
