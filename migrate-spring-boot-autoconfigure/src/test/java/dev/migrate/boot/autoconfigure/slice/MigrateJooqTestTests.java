package dev.migrate.boot.autoconfigure.slice;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jooq.test.autoconfigure.JooqTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @JooqTest} runs the application's migrations.
 */
@JooqTest
class MigrateJooqTestTests {

	@Autowired
	private DSLContext dsl;

	@Test
	void jooqTestRunsTheMigrations() {
		assertThat(this.dsl.fetch("SELECT text FROM note").getValues(0, String.class))
			.containsExactly("Seeded by a migration");
		assertThat(this.dsl.fetch("SELECT version FROM migrate_history").getValues(0, String.class))
			.containsExactly("1");
	}

}
