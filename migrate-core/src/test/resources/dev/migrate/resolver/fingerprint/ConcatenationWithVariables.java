package com.example.migrations;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "8")
public class ConcatenationWithVariables {

	public void up(JdbcTemplate jdbc) {
		String table = "audit_log";
		String column = "created_at";
		jdbc.execute("CREATE INDEX " + table + "_" + column + " ON " + table + " (" + column + ")");
		int days = 30;
		char quote = '\'';
		jdbc.update("DELETE FROM " + table + " WHERE age > " + days + " AND kind <> " + quote + "keep" + quote);
	}

	public void down(JdbcTemplate jdbc) {
		String index = "audit_log_created_at";
		jdbc.execute("DROP INDEX " + index);
	}

}
