package dev.migrate.benchmarks;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

/**
 * One way of applying the workload. A start of an application does
 * {@link #load(int, Path)} (bring in the project's migrations: classes or files) and then
 * {@link #migrate}; warm runs load once and time {@code migrate}, runs in a new JVM time
 * both.
 */
interface Tool {

	/**
	 * Name in the report.
	 */
	String name();

	/**
	 * Bring in the first N migrations as the tool's users ship them.
	 * @param n how many migrations
	 * @param workDirectory where the file-based migrations were written
	 * @return what {@link #migrate} needs
	 */
	Object load(int n, Path workDirectory) throws Exception;

	/**
	 * Apply what is pending, checking what is applied: with nothing pending this is the
	 * cost of every application start.
	 * @param target the database
	 * @param dataSource a started pool on it
	 * @param migrations what {@link #load} returned
	 */
	void migrate(Database.Target target, DataSource dataSource, Object migrations) throws Exception;

	/**
	 * The tools, in report order.
	 */
	static List<Tool> all() {
		return List.of(new Tools.RawJdbc(), new Tools.MigrateEngine(), new Tools.MigrateSources(), new BootStarter(),
				new Tools.FlywayJava(), new Tools.FlywaySql(), new Tools.LiquibaseXml());
	}

	static Tool named(String name) {
		return all().stream()
			.filter((tool) -> tool.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown tool '" + name + "'"));
	}

}
