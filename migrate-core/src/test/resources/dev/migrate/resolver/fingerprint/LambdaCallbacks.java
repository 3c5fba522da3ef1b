package com.example.migrations;

import java.util.List;
import java.util.Locale;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "4")
public class LambdaCallbacks {

	public void up(JdbcTemplate jdbc) {
		List<String> emails = jdbc.query("SELECT email FROM users", (rs, rowNum) -> rs.getString(1));
		emails.forEach((email) -> jdbc.update("UPDATE users SET email = ? WHERE email = ?",
				email.trim().toLowerCase(Locale.ROOT), email));
	}

	public void down(JdbcTemplate jdbc) {
		List<Long> ids = jdbc.queryForList("SELECT id FROM users", Long.class);
		ids.stream().map(String::valueOf).forEach((id) -> jdbc.update("UPDATE users SET note = ?", id));
	}

}
