package dev.migrate;

import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.ContractMigrations.CreateUsersTable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies {@link CreateUsersTable} from a JVM of its own, started by
 * {@link InstalledOnTimeZoneTests} with another default time zone, and prints when it
 * says the migration was installed.
 */
public final class ApplyInAnotherJvm {

	static final String INSTALLED_ON = "INSTALLED_ON=";

	private ApplyInAnotherJvm() {
	}

	/**
	 * Apply the migration.
	 * @param args the JDBC URL, user and password
	 */
	public static void main(String[] args) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(args[0]);
		config.setUsername(args[1]);
		config.setPassword((args.length > 2) ? args[2] : "");
		config.setMaximumPoolSize(4);
		try (HikariDataSource dataSource = new HikariDataSource(config)) {
			Migrator migrator = Migrator.builder(dataSource).migrations(List.of(new CreateUsersTable())).build();
			migrator.migrate();
			System.out.println(INSTALLED_ON + migrator.info().migrations().get(0).installedOn());
			if (args[0].startsWith("jdbc:hsqldb:file:")) {
				new JdbcTemplate(dataSource).execute("SHUTDOWN");
			}
		}
	}

}
