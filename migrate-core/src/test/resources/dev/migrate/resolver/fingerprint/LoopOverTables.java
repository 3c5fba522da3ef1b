package com.example.migrations;

import java.util.List;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "5")
public class LoopOverTables {

	public void up(JdbcTemplate jdbc) {
		for (String table : List.of("orders", "invoices", "payments")) {
			jdbc.execute("ALTER TABLE " + table + " ADD COLUMN tenant_id BIGINT");
		}
		for (int tenant = 1; tenant <= 3; tenant++) {
			jdbc.update("INSERT INTO tenants (id, name) VALUES (?, ?)", tenant, "tenant-" + tenant);
		}
	}

	public void down(JdbcTemplate jdbc) {
		String[] tables = { "payments", "invoices", "orders" };
		for (String table : tables) {
			jdbc.execute("ALTER TABLE " + table + " DROP COLUMN tenant_id");
		}
		jdbc.update("DELETE FROM tenants WHERE id <= ?", 3);
	}

}
