package dev.migrate.boot.autoconfigure.slice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @JdbcTest} runs the application's migrations.
 */
@JdbcTest
class MigrateJdbcTestTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void jdbcTestRunsTheMigrations() {
		assertThat(this.jdbc.queryForList("SELECT text FROM note", String.class))
			.containsExactly("Seeded by a migration");
		assertThat(this.jdbc.queryForList("SELECT version FROM migrate_history", String.class)).containsExactly("1");
	}

}
