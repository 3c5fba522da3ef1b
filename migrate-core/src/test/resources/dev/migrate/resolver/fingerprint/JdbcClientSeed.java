package com.example.migrations;

import dev.migrate.Migration;

import org.springframework.jdbc.core.simple.JdbcClient;

@Migration(version = "10")
public class JdbcClientSeed {

	public void up(JdbcClient jdbc) {
		jdbc.sql("INSERT INTO users (id, email, password) VALUES (:id, :email, '!')")
			.param("id", 0)
			.param("email", "admin@example.com")
			.update();
	}

	public void down(JdbcClient jdbc) {
		jdbc.sql("DELETE FROM users WHERE id = :id").param("id", 0).update();
	}

}
