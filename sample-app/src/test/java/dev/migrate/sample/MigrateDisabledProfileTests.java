package dev.migrate.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the {@code test} profile, {@code migrate.enabled=false} switches migrations off:
 * no history table is written and Hibernate may build the schema itself.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:sample-disabled;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class MigrateDisabledProfileTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void noMigrationRunsAndNoHistoryIsWritten() {
		Integer historyTables = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'migrate_history'",
				Integer.class);
		assertThat(historyTables).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class)).isZero();
	}

}
