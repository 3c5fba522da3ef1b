package dev.migrate.boot.autoconfigure.indexedproxied;

import dev.migrate.Migration;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

@Migration(version = "3", description = "Fill crates")
@Transactional
public class FillCrates {

	private final Environment environment;

	public FillCrates(Environment environment) {
		this.environment = environment;
	}

	public void up(JdbcTemplate jdbc) {
		jdbc.update("INSERT INTO crates (id, label) VALUES (1, ?)",
				this.environment.getProperty("crates.label", "none"));
	}

	public void down(JdbcTemplate jdbc) {
		jdbc.update("DELETE FROM crates");
	}

}
