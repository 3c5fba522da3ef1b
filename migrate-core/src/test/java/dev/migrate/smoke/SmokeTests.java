package dev.migrate.smoke;

import java.util.List;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void migrateAndRollback(TestDatabase database) {
		try (TestDatabase.Isolated db = database.createIsolated()) {
			Migrator migrator = Migrator.builder(db.dataSource()).migrations(List.of(new One(), new Two())).build();
			System.out.println(migrator.migrate());
			JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class)).isZero();
			System.out.println(migrator.info());
			System.out.println(migrator.rollback(2));
			System.out.println(migrator.info());
			System.out.println(migrator.migrate());
			System.out.println(migrator.migrate());
		}
	}

	@Migration(version = "1")
	public static class One {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE users (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE users");
		}

	}

	@Migration(version = "2")
	public static class Two {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE users ADD COLUMN name VARCHAR(20)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE users DROP COLUMN name");
		}

	}

}
