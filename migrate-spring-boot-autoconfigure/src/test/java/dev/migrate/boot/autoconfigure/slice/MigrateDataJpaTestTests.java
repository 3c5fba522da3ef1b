package dev.migrate.boot.autoconfigure.slice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataJpaTest} runs the application's migrations, and Hibernate leaves the
 * migrated schema alone.
 */
@DataJpaTest
class MigrateDataJpaTestTests {

	@Autowired
	private TestEntityManager entityManager;

	@Test
	void dataJpaTestRunsTheMigrationsBeforeHibernate() {
		// Hibernate's create-drop default would have dropped the seeded row.
		assertThat(this.entityManager.find(Note.class, 1).getText()).isEqualTo("Seeded by a migration");
	}

}
