package com.example.migrations;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "3")
public class PrivateHelper {

	public void up(JdbcTemplate jdbc) {
		createTable(jdbc, "orders");
		createTable(jdbc, "invoices");
	}

	public void down(JdbcTemplate jdbc) {
		dropTable(jdbc, "invoices");
		dropTable(jdbc, "orders");
	}

	private void createTable(JdbcTemplate jdbc, String name) {
		jdbc.execute("CREATE TABLE " + name + " (id BIGINT PRIMARY KEY, created_at TIMESTAMP NOT NULL)");
	}

	private static void dropTable(JdbcTemplate jdbc, String name) {
		jdbc.execute("DROP TABLE " + name);
	}

}
