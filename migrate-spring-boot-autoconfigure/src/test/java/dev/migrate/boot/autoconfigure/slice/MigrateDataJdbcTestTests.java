package dev.migrate.boot.autoconfigure.slice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataJdbcTest} runs the application's migrations, and Spring Data JDBC reads the
 * migrated table.
 */
@DataJdbcTest
class MigrateDataJdbcTestTests {

	@Autowired
	private JdbcAggregateTemplate aggregates;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void dataJdbcTestRunsTheMigrations() {
		assertThat(this.aggregates.findById(1, Note.class)).extracting(Note::text).isEqualTo("Seeded by a migration");
		assertThat(this.jdbc.queryForList("SELECT version FROM migrate_history", String.class)).containsExactly("1");
	}

	/**
	 * The {@code note} table as a Spring Data JDBC aggregate.
	 *
	 * @param id the id
	 * @param text the text
	 */
	record Note(@Id Integer id, String text) {

	}

}
