package dev.migrate;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migrations of {@link AbstractClassHashContractTests}.
 */
final class ClassHashMigrations {

	private ClassHashMigrations() {
	}

	@Migration(version = "1")
	public static class CreatePlanets {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE planets (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE planets");
		}

	}

	@Migration(version = "1")
	public static class CreatePlanetsEdited {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE planets (id BIGINT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE planets");
		}

	}

	@Migration(version = "2")
	public static class CreateMoons {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE moons (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE moons");
		}

	}

}
