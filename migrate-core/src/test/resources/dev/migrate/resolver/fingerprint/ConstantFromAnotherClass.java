package com.example.migrations;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "9")
public class ConstantFromAnotherClass {

	public void up(JdbcTemplate jdbc) {
		jdbc.execute(Sql.CREATE_AUDIT);
		jdbc.update("INSERT INTO audit (id, entry) VALUES (?, ?)", Sql.BATCH_SIZE, "batch size");
	}

	public void down(JdbcTemplate jdbc) {
		jdbc.execute(Sql.DROP_AUDIT);
	}

}
