package dev.migrate.boot.autoconfigure.inherited;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A superclass with the {@code down} method of its subclasses.
 */
public abstract class CrateMigration extends Counted {

	public void down(JdbcTemplate jdbc) {
		jdbc.execute("DROP TABLE crates");
	}

}
