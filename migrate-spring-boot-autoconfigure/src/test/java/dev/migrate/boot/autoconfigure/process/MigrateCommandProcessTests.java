package dev.migrate.boot.autoconfigure.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.boot.autoconfigure.process.CommandApplication.AddItemName;
import dev.migrate.boot.autoconfigure.process.CommandApplication.CreateItems;
import dev.migrate.boot.autoconfigure.process.CommandApplication.CreateLabels;
import dev.migrate.boot.autoconfigure.process.CommandApplication.InsertIntoNoSuchTable;
import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Runs commands the way operators and Kubernetes Jobs do: in a JVM of their own, whose
 * exit code is the command's. Pins every exit code of docs/commands.md: each command's
 * success, validation problems, held lock and failure, and each kind of bad input, both
 * found before the command runs (binding, the engine's settings and definitions, migrate
 * switched off) and while it runs. Each launch costs seconds, so one launch asserts
 * several facts (code, report, no stack trace, database unchanged) and the database
 * states are prepared from this JVM.
 * <p>
 * The databases are in-memory H2 databases served over TCP by this JVM, so that a test
 * can prepare and inspect them, and hold the migration lock, while the command runs.
 */
class MigrateCommandProcessTests {

	private static Server h2;

	@TempDir
	Path directory;

	private int launches;

	@BeforeAll
	static void startH2() throws SQLException {
		h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
	}

	@AfterAll
	static void stopH2() {
		h2.stop();
	}

	@Test
	void everyCommandExitsWithZeroWhenItSucceeds() throws Exception {
		Database database = h2Database();
		// A database that existed before migrate, at version 1.
		database.jdbc().execute("CREATE TABLE item (id INT PRIMARY KEY)");
		assertExit(0, launch(Main.RUN, database, "--migrate.command=baseline", "--migrate.baseline-version=1"),
				"migrate baseline: 1 migration in migrate_history, version <empty> -> 1");
		assertThat(database.history()).containsExactly("1:BASELINE");
		assertExit(0, launch(Main.EXIT, database, "--migrate.command=plan"), "migrate plan: 1 migration to apply",
				"ALTER TABLE item ADD COLUMN name VARCHAR(50);");
		assertExit(0, launch(Main.RUN, database, "--migrate.command=info"), "migrate info: 2 migrations", "PENDING");
		assertThat(database.columns("item")).containsExactly("ID");
		assertExit(0, launch(Main.EXIT, database, "--migrate.command=migrate"),
				"migrate migrate: 1 migration in migrate_history, version 1 -> 2");
		assertThat(database.history()).containsExactly("1:BASELINE", "2:SUCCESS");
		assertThat(database.columns("item")).containsExactly("ID", "NAME");
		assertExit(0, launch(Main.RUN, database, "--migrate.command=validate"), "migrate validate: valid.");
		database.jdbc().update("INSERT INTO item (id, name) VALUES (1, 'dropped by redo')");
		assertExit(0, launch(Main.EXIT, database, "--migrate.command=redo"),
				"migrate redo: 2 migrations in migrate_history, version 2 -> 2");
		assertThat(database.jdbc().queryForList("SELECT name FROM item", String.class)).containsExactly((String) null);
		assertExit(0, launch(Main.RUN, database, "--migrate.command=rollback"),
				"migrate rollback: 1 migration in migrate_history, version 2 -> 1");
		assertThat(database.columns("item")).containsExactly("ID");
		assertExit(0, launch(Main.EXIT, database, "--migrate.command=repair"), "migrate repair:");
		assertThat(database.history()).startsWith("1:BASELINE").doesNotContain("2:SUCCESS");
	}

	@Test
	void badInputEndsACommandWithFourAndChangesNothing() throws Exception {
		Database database = h2Database();
		database.migrator(Map.of("commandApplication.CreateItems", new CreateItems(), "commandApplication.AddItemName",
				new AddItemName()))
			.migrate();
		Map<List<String>, String> cases = new LinkedHashMap<>();
		// Found before the command runs: binding, the engine's settings and definitions.
		cases.put(List.of("--migrate.command=rollbak"), "Failed to bind properties under 'migrate.command'");
		cases.put(List.of("--migrate.command=rollback", "--migrate.steps=abc"),
				"Failed to bind properties under 'migrate.steps'");
		cases.put(List.of("--migrate.command=migrate", "--migrate.table=x;drop table item"),
				"The history table name (migrate.table) 'x;drop table item' is not a plain identifier.");
		cases.put(List.of("--migrate.command=migrate", "--migrate.lock-timeout=0"),
				"The lock timeout (migrate.lock-timeout) must be positive");
		cases.put(List.of("--migrate.command=info", "--command-test.broken=true"),
				"Invalid migration definitions (1 problem)");
		cases.put(List.of("--migrate.command=info", "--spring.jpa.hibernate.ddl-auto=update"),
				"spring.jpa.hibernate.ddl-auto is set to 'update' while migrate manages the schema");
		cases.put(List.of("--migrate.command=migrate", "--migrate.enabled=false"),
				"migrate.enabled=false switches migrate off");
		// Found by the command.
		cases.put(List.of("--migrate.command=migrate", "--migrate.target=abc"),
				"Invalid target version (migrate.target): version \"abc\" is not dot-separated numbers");
		cases.put(List.of("--migrate.command=plan", "--migrate.target=abc"),
				"Invalid target version (migrate.target): version \"abc\" is not dot-separated numbers");
		cases.put(List.of("--migrate.command=plan", "--migrate.target=7"),
				"No migration has the target version 7 (migrate.target). Known versions: 1, 2.");
		cases.put(List.of("--migrate.command=plan", "--migrate.steps=1", "--migrate.target=1"),
				"Both migrate.steps=1 and migrate.target=1 are set, but plan takes either");
		cases.put(List.of("--migrate.command=rollback", "--migrate.steps=1", "--migrate.target=1"),
				"Both migrate.steps=1 and migrate.target=1 are set, but rollback takes either");
		cases.put(List.of("--migrate.command=rollback", "--migrate.steps=3"), "Cannot roll back 3 migrations");
		cases.put(List.of("--migrate.command=baseline"), "Cannot baseline at version 1");
		Main main = Main.RUN;
		for (Map.Entry<List<String>, String> badInput : cases.entrySet()) {
			Launch launch = launch(main, database, badInput.getKey().toArray(String[]::new));
			assertExit(4, launch, badInput.getValue());
			assertThat(launch.output()).as(launch.describe()).doesNotContain("\tat ");
			main = (main == Main.RUN) ? Main.EXIT : Main.RUN;
		}
		assertThat(database.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
		assertThat(database.columns("item")).containsExactly("ID", "NAME");
		// Without a command, a start-up failure keeps Spring Boot's exit code.
		assertExit(1, launch(Main.RUN, database, "--migrate.steps=abc"),
				"Failed to bind properties under 'migrate.steps'");
		assertExit(1, launch(Main.EXIT, database, "--migrate.lock-timeout=0"),
				"The lock timeout (migrate.lock-timeout) must be positive");
	}

	@Test
	void validationProblemsEndACommandWithTwo() throws Exception {
		Database database = h2Database();
		Map<String, Object> migrations = new LinkedHashMap<>(Map.of("commandApplication.CreateItems", new CreateItems(),
				"commandApplication.AddItemName", new AddItemName()));
		database.migrator(migrations).migrate();
		migrations.put("commandApplication.InsertIntoNoSuchTable", new InsertIntoNoSuchTable());
		assertThatException().isThrownBy(() -> database.migrator(migrations).migrate());
		// Migration 3 failed: nothing goes on until it is repaired or rolled back.
		assertExit(2, launch(Main.RUN, database, "--migrate.command=validate", "--command-test.failing=true"),
				"migrate validate: 1 problem found:", "Migration 3", "--migrate.command=repair");
		assertExit(2, launch(Main.EXIT, database, "--migrate.command=migrate", "--command-test.failing=true"),
				"migrate migrate FAILED (exit code 2)", "Migration 3");
		assertThat(database.history()).containsExactly("1:SUCCESS", "2:SUCCESS", "3:FAILED");
	}

	@Test
	void lockHeldByAnotherInstanceEndsEveryCommandThatTakesItWithThree() throws Exception {
		Database database = h2Database();
		database.migrator(Map.of("commandApplication.CreateItems", new CreateItems())).migrate();
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		// Another instance holds the lock while it applies migration 2.
		Migrator holder = Migrator.builder(database.dataSource())
			.migrations(Map.of("commandApplication.CreateItems", new CreateItems(), "commandApplication.AddItemName",
					new AddItemName()))
			.listener(new MigrationListener() {
				@Override
				public void lockAcquired(Duration waited) {
					locked.countDown();
					await(release);
				}
			})
			.build();
		CompletableFuture<?> holding = CompletableFuture.runAsync(holder::migrate);
		try {
			assertThat(locked.await(60, TimeUnit.SECONDS)).as("lock taken by the other instance").isTrue();
			Main main = Main.RUN;
			for (String command : List.of("migrate", "rollback", "redo", "baseline", "repair", "plan")) {
				assertExit(3, launch(main, database, "--migrate.command=" + command, "--migrate.lock-timeout=500ms"),
						"migrate " + command + " FAILED (exit code 3)");
				main = (main == Main.RUN) ? Main.EXIT : Main.RUN;
			}
			assertThat(database.history()).containsExactly("1:SUCCESS");
		}
		finally {
			release.countDown();
		}
		holding.get(60, TimeUnit.SECONDS);
		assertThat(database.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
	}

	@Test
	void failedMigrationEndsACommandWithOne() throws Exception {
		Database database = h2Database();
		assertExit(1, launch(Main.RUN, database, "--migrate.command=migrate", "--command-test.failing=true"),
				"migrate migrate FAILED (exit code 1): Migration 3");
		assertThat(database.history()).containsExactly("1:SUCCESS", "2:SUCCESS", "3:FAILED");
		Database other = h2Database();
		other.migrator(Map.of("commandApplication.CreateItems", new CreateItems(), "commandApplication.AddItemName",
				new AddItemName(), "commandApplication.CreateLabels", new CreateLabels()))
			.migrate();
		assertExit(1, launch(Main.EXIT, other, "--migrate.command=rollback", "--command-test.throwing-down=true"),
				"migrate rollback FAILED (exit code 1): Migration 3", "down of migration 3 fails on purpose");
		assertThat(other.tables()).contains("LABEL");
	}

	@Test
	@RequiresDatabase(TestDatabase.POSTGRES)
	void planThatFindsAFailingMigrationEndsWithOneOnPostgres() throws Exception {
		try (TestDatabase.Isolated postgres = TestDatabase.POSTGRES.createIsolated()) {
			Database database = new Database(postgres.url(), postgres.user(), postgres.password());
			assertExit(1, launch(Main.RUN, database, "--migrate.command=plan", "--command-test.failing=true"),
					"migrate plan FAILED (exit code 1)", "no_such_table");
			assertThat(database.jdbc()
				.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
						+ " AND table_name = 'item'", String.class))
				.as("nothing applied")
				.isEmpty();
		}
	}

	private Launch launch(Main main, Database database, String... arguments) throws Exception {
		Path output = this.directory.resolve("launch-" + (++this.launches) + ".txt");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx192m",
						"-XX:TieredStopAtLevel=1", "-Xshare:auto"));
		if (main == Main.EXIT) {
			command.add("-Dcommand-test.exit=true");
		}
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), CommandApplication.class.getName(),
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password(), "--spring.main.banner-mode=off",
				"--logging.level.root=WARN"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("MIGRATE_"));
		Process process = builder.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
			throw new AssertionError("process did not end: " + String.join(" ", arguments));
		}
		return new Launch(main, List.of(arguments), process.exitValue(), read(output));
	}

	private static void assertExit(int exitCode, Launch launch, String... fragments) {
		assertThat(launch.exitCode()).as(launch.describe()).isEqualTo(exitCode);
		assertThat(launch.output()).as(launch.describe()).contains(fragments);
	}

	private static String read(Path output) {
		try {
			return Files.readString(output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(120, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Database h2Database() {
		return new Database("jdbc:h2:tcp://localhost:" + h2.getPort() + "/mem:"
				+ UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", "sa", "");
	}

	/**
	 * How the application's {@code main} starts it.
	 */
	private enum Main {

		/** {@code SpringApplication.run(...)}: a failure escapes {@code main}. */
		RUN,

		/** {@code System.exit(SpringApplication.exit(SpringApplication.run(...)))}. */
		EXIT

	}

	/**
	 * One run of {@link CommandApplication}.
	 */
	private record Launch(Main main, List<String> arguments, int exitCode, String output) {

		String describe() {
			return String.join(" ", this.arguments) + " (" + this.main + ", exit code " + this.exitCode + "):\n"
					+ this.output;
		}

	}

	/**
	 * A database the commands run against.
	 */
	private record Database(String url, String user, String password) {

		DataSource dataSource() {
			return new DriverManagerDataSource(this.url, this.user, this.password);
		}

		JdbcTemplate jdbc() {
			return new JdbcTemplate(dataSource());
		}

		Migrator migrator(Map<String, ?> migrations) {
			return Migrator.builder(dataSource()).migrations(migrations).build();
		}

		List<String> history() {
			List<String> tables = tables();
			if (!tables.contains("MIGRATE_HISTORY")) {
				return List.of();
			}
			return jdbc().query("SELECT version, type, status FROM migrate_history ORDER BY installed_rank",
					(rs, row) -> rs.getString(1) + ":"
							+ ("BASELINE".equals(rs.getString(2)) ? "BASELINE" : rs.getString(3)));
		}

		List<String> tables() {
			return jdbc().queryForList(
					"SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC' ORDER BY table_name",
					String.class);
		}

		List<String> columns(String table) {
			return jdbc().queryForList(
					"SELECT column_name FROM information_schema.columns WHERE table_schema = 'PUBLIC'"
							+ " AND table_name = ? ORDER BY ordinal_position",
					String.class, table.toUpperCase(Locale.ROOT));
		}

	}

}
