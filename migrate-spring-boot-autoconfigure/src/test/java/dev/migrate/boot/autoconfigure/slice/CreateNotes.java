package dev.migrate.boot.autoconfigure.slice;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

@Migration(version = "1")
class CreateNotes {

	public void up(JdbcTemplate jdbc) {
		jdbc.execute("CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR(100) NOT NULL)");
		jdbc.update("INSERT INTO note (id, text) VALUES (1, 'Seeded by a migration')");
	}

	public void down(JdbcTemplate jdbc) {
		jdbc.execute("DROP TABLE note");
	}

}
