package dev.migrate.boot.autoconfigure.inherited;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An interface whose default method is its implementations' {@code down}.
 */
public interface LabelChange {

	default void down(JdbcTemplate jdbc) {
		jdbc.execute("ALTER TABLE crates DROP COLUMN label");
	}

}
