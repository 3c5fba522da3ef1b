package com.example.migrations;

import dev.migrate.Migration;
import dev.migrate.MigrationContext;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "7")
public class TryCatchFallback {

	public void up(JdbcTemplate jdbc) {
		try {
			jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
		}
		catch (DataAccessException ex) {
			jdbc.execute("CREATE TABLE trigram_fallback (id BIGINT)");
		}
		jdbc.execute("CREATE TABLE search_terms (term VARCHAR(100))");
	}

	public void down(MigrationContext context) {
		try {
			context.jdbcTemplate().execute("DROP TABLE search_terms");
		}
		catch (DataAccessException ex) {
			context.log("search_terms was not dropped: {}", ex.getMessage());
		}
		finally {
			context.jdbcTemplate().execute("DROP TABLE IF EXISTS trigram_fallback");
		}
	}

}
