package com.example.migrations;

import dev.migrate.Migration;
import dev.migrate.MigrationContext;

@Migration(version = "6")
public class ConditionalOnDialect {

	public void up(MigrationContext context) {
		if (context.database().transactionalDdl() && !context.description().isEmpty()) {
			context.jdbcTemplate().execute("CREATE INDEX CONCURRENTLY orders_created ON orders (created_at)");
		}
		else {
			context.log("no concurrent index on {}", context.database().product());
			context.jdbcTemplate().execute("CREATE INDEX orders_created ON orders (created_at)");
		}
		long rows = context.jdbcTemplate().queryForObject("SELECT COUNT(*) FROM orders", Long.class);
		while (rows > 1000) {
			rows -= context.jdbcTemplate().update("DELETE FROM orders WHERE id IN (SELECT id FROM orders LIMIT 1000)");
		}
	}

	public void down(MigrationContext context) {
		context.jdbcTemplate().execute("DROP INDEX orders_created");
	}

}
