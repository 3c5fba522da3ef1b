package dev.migrate.boot.autoconfigure.indexed;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Was migration 3 when an index was written; its {@code @Migration} was removed since,
 * and a compile that did not rerun the processor kept that index.
 */
public class AddCrateWeight {

	public void up(JdbcTemplate jdbc) {
		jdbc.execute("ALTER TABLE crates ADD COLUMN weight INT");
	}

	public void down(JdbcTemplate jdbc) {
		jdbc.execute("ALTER TABLE crates DROP COLUMN weight");
	}

}
