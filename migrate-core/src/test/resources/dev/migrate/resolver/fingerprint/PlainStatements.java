package com.example.migrations;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "1")
public class PlainStatements {

	public void up(JdbcTemplate jdbc) {
		jdbc.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(255) NOT NULL)");
		jdbc.execute("CREATE UNIQUE INDEX users_email ON users (email)");
	}

	public void down(JdbcTemplate jdbc) {
		jdbc.execute("DROP INDEX users_email");
		jdbc.execute("DROP TABLE users");
	}

}
