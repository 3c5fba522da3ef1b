package dev.migrate.benchmarks.application;

import javax.sql.DataSource;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The benchmark application's own component, found by component scanning in every set-up:
 * it uses the database once the application has started, as an application does.
 */
@Component
public class DatabaseUser implements ApplicationRunner {

	private final DataSource dataSource;

	public DatabaseUser(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void run(ApplicationArguments args) {
		new JdbcTemplate(this.dataSource).queryForObject("SELECT 1", Integer.class);
	}

}
