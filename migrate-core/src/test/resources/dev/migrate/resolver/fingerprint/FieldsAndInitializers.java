package com.example.migrations;

import java.util.List;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "11")
public class FieldsAndInitializers {

	private static final List<String> TABLES = List.of("orders", "invoices");

	private final String suffix = "_archive";

	private final List<String> columns = List.of("id", "created_at");

	public void up(JdbcTemplate jdbc) {
		for (String table : TABLES) {
			jdbc.execute("CREATE TABLE " + table + this.suffix + " AS SELECT " + String.join(", ", this.columns)
					+ " FROM " + table);
		}
	}

	public void down(JdbcTemplate jdbc) {
		TABLES.forEach((table) -> jdbc.execute("DROP TABLE " + table + this.suffix));
	}

}
