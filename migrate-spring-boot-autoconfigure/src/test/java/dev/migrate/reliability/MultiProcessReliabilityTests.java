package dev.migrate.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.migrate.testsupport.LockSessions;
import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability with real processes: several JVMs of {@link ReliabilityApplication}
 * starting together, processes killed with {@code kill -9} in the middle of a migration
 * or while holding the lock, and a connection terminated by the database. Each test
 * asserts the database's real state (history rows, tables) and adds its measured figure
 * to {@code target/reliability/report.md}. Run by {@code ./mvnw verify} after the unit
 * tests (tag {@code multi-process}).
 */
@Tag("multi-process")
class MultiProcessReliabilityTests {

	private static final int PROCESSES = 6;

	private static final List<String> report = new ArrayList<>();

	private static Server h2Server;

	private final List<AutoCloseable> cleanUp = new ArrayList<>();

	private Path workDirectory;

	@BeforeAll
	static void startH2Server() throws SQLException {
		h2Server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
	}

	@AfterAll
	static void stopH2ServerAndWriteReport() throws Exception {
		h2Server.stop();
		Path file = Path.of("target", "reliability", "report.md");
		Files.createDirectories(file.getParent());
		List<String> lines = new ArrayList<>();
		lines.add("| Scenario | Database | Result | Measured |");
		lines.add("|---|---|---|---|");
		lines.addAll(report);
		Files.write(file, lines, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		System.out.println(String.join(System.lineSeparator(), lines));
	}

	@AfterEach
	void cleanUp() throws Exception {
		// Last registered first: the processes before the database they use.
		for (int i = this.cleanUp.size() - 1; i >= 0; i--) {
			this.cleanUp.get(i).close();
		}
	}

	@Test
	@RequiresDatabase(TestDatabase.POSTGRES)
	void sixProcessesApplyEachMigrationOnceOnPostgres(TestInfo test) throws Exception {
		concurrentStart(isolated(TestDatabase.POSTGRES), "PostgreSQL", test);
	}

	@Test
	@RequiresDatabase(TestDatabase.MARIADB)
	void sixProcessesApplyEachMigrationOnceOnMariaDb(TestInfo test) throws Exception {
		concurrentStart(isolated(TestDatabase.MARIADB), "MariaDB", test);
	}

	@Test
	void sixProcessesApplyEachMigrationOnceOnH2ServerWithTheLockRow(TestInfo test) throws Exception {
		concurrentStart(h2(), "H2 (server mode, lock row)", test);
	}

	private void concurrentStart(Target target, String database, TestInfo test) throws Exception {
		List<AppProcess> processes = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < PROCESSES; i++) {
			processes.add(start(output(test, "instance-" + i), target.arguments("--migrate.lock-timeout=180s")));
		}
		List<Long> lockWaits = new ArrayList<>();
		for (AppProcess process : processes) {
			assertThat(process.waitForExit(240)).as(process::output).isZero();
			assertThat(process.output()).contains(ReliabilityApplication.STARTED);
			lockWaits.add(process.reported(ReliabilityApplication.LOCK_WAIT_PREFIX).orElse(-1));
		}
		long elapsed = (System.nanoTime() - start) / 1_000_000;
		JdbcTemplate jdbc = target.jdbc();
		List<Map<String, Object>> history = jdbc
			.queryForList("SELECT version, status FROM migrate_history ORDER BY installed_rank");
		assertThat(history).hasSize(50);
		assertThat(history).extracting((row) -> row.get("version")).doesNotHaveDuplicates();
		assertThat(history).extracting((row) -> row.get("status")).containsOnly("SUCCESS");
		assertThat(tables(target.dataSource()).stream().filter((name) -> name.startsWith("rel_"))).hasSize(50);
		report.add("| " + PROCESSES + " JVMs start together, 50 pending migrations | " + database
				+ " | all exited 0; 50 history rows, 50 tables: each migration applied once | lock wait per process (ms; -1 = took the no-lock path): "
				+ lockWaits + "; all done in " + elapsed + " ms |");
	}

	@Test
	@RequiresDatabase(TestDatabase.POSTGRES)
	void processKilledMidMigrationLeavesNoTraceOnPostgres(TestInfo test) throws Exception {
		Target target = isolated(TestDatabase.POSTGRES);
		AppProcess victim = startPaused(target, test, "victim");
		victim.kill();

		assertThat(tables(target.dataSource())).doesNotContain("crash_first", "crash_second");
		assertThat(versions(target.jdbc())).hasSize(50).doesNotContain("51");

		AppProcess restart = start(output(test, "restart"), target.arguments("--reliability.crash-migration=true"));
		assertThat(restart.waitForExit(120)).as(restart::output).isZero();
		assertThat(versions(target.jdbc())).filteredOn("51"::equals).hasSize(1);
		assertThat(tables(target.dataSource())).contains("crash_first", "crash_second");
		report.add("| kill -9 between two statements of a migration | PostgreSQL | no trace (no table, no history row);"
				+ " the next start applied it once | - |");
	}

	@Test
	@RequiresDatabase(TestDatabase.MARIADB)
	void processKilledMidMigrationIsReportedAndItsDownCleansUpOnMariaDb(TestInfo test) throws Exception {
		Target target = isolated(TestDatabase.MARIADB);
		killMidMigration(target, test);

		AppProcess refused = start(output(test, "refused"), target.arguments("--reliability.crash-migration=true"));
		assertThat(refused.waitForExit(120)).isNotZero();
		assertThat(refused.output()).contains("Migration 51", "did not finish", "--migrate.command=repair",
				"--migrate.command=rollback --migrate.steps=1");
		assertThat(status(target.jdbc(), "51")).isEqualTo("RUNNING");

		AppProcess rollback = start(output(test, "rollback"), target.arguments("--reliability.crash-migration=true",
				"--migrate.command=rollback", "--migrate.steps=1"));
		assertThat(rollback.waitForExit(120)).as(rollback::output).isZero();
		assertThat(status(target.jdbc(), "51")).isEqualTo("ROLLED_BACK");
		assertThat(tables(target.dataSource())).doesNotContain("crash_first");

		AppProcess restart = start(output(test, "restart"), target.arguments("--reliability.crash-migration=true"));
		assertThat(restart.waitForExit(120)).as(restart::output).isZero();
		assertThat(status(target.jdbc(), "51")).isEqualTo("SUCCESS");
		assertThat(tables(target.dataSource())).contains("crash_first", "crash_second");
		report.add("| kill -9 between two statements of a migration | MariaDB | next start refused (RUNNING row,"
				+ " message names migration 51 and both ways out); rollback ran its down; then migrate succeeded | - |");
	}

	@Test
	@RequiresDatabase(TestDatabase.MARIADB)
	void processKilledMidMigrationIsRecoverableByRepairOnMariaDb(TestInfo test) throws Exception {
		Target target = isolated(TestDatabase.MARIADB);
		killMidMigration(target, test);
		target.jdbc().execute("DROP TABLE crash_first");

		AppProcess repair = start(output(test, "repair"),
				target.arguments("--reliability.crash-migration=true", "--migrate.command=repair"));
		assertThat(repair.waitForExit(120)).as(repair::output).isZero();
		assertThat(versions(target.jdbc())).doesNotContain("51");

		AppProcess restart = start(output(test, "restart"), target.arguments("--reliability.crash-migration=true"));
		assertThat(restart.waitForExit(120)).as(restart::output).isZero();
		assertThat(status(target.jdbc(), "51")).isEqualTo("SUCCESS");
		report.add("| kill -9 mid-migration, fixed by hand then repair | MariaDB | repair removed the RUNNING row;"
				+ " the next start applied the migration | - |");
	}

	@Test
	@RequiresDatabase(TestDatabase.MARIADB)
	void processKilledMidRollbackIsReportedOnMariaDb(TestInfo test) throws Exception {
		Target target = isolated(TestDatabase.MARIADB);
		AppProcess migrate = start(output(test, "migrate"), target.arguments("--reliability.crash-migration=true"));
		assertThat(migrate.waitForExit(120)).as(migrate::output).isZero();
		AppProcess victim = startPaused(target, test, "victim", "--reliability.pause-in=down",
				"--migrate.command=rollback");
		victim.kill();
		assertThat(status(target.jdbc(), "51")).isEqualTo("ROLLING_BACK");
		assertThat(tables(target.dataSource())).contains("crash_first").doesNotContain("crash_second");

		AppProcess refused = start(output(test, "refused"), target.arguments("--reliability.crash-migration=true"));
		assertThat(refused.waitForExit(120)).isNotZero();
		assertThat(refused.output()).contains("Migration 51", "the rollback did not finish");

		AppProcess rollback = start(output(test, "rollback"), target.arguments("--reliability.crash-migration=true",
				"--migrate.command=rollback", "--migrate.steps=1"));
		assertThat(rollback.waitForExit(120)).as(rollback::output).isZero();
		assertThat(status(target.jdbc(), "51")).isEqualTo("ROLLED_BACK");
		assertThat(tables(target.dataSource())).doesNotContain("crash_first", "crash_second");
		report.add("| kill -9 between two statements of a down (rollback) | MariaDB | next start refused"
				+ " (ROLLING_BACK row, message names migration 51); rolling back again finished it | - |");
	}

	private void killMidMigration(Target target, TestInfo test) throws Exception {
		AppProcess victim = startPaused(target, test, "victim");
		victim.kill();
		assertThat(status(target.jdbc(), "51")).isEqualTo("RUNNING");
		assertThat(tables(target.dataSource())).contains("crash_first").doesNotContain("crash_second");
	}

	@Test
	@RequiresDatabase(TestDatabase.POSTGRES)
	void killedLockHolderReleasesTheLockPromptlyOnPostgres(TestInfo test) throws Exception {
		lockHolderKilled(isolated(TestDatabase.POSTGRES), "PostgreSQL (advisory lock)", true, test);
	}

	@Test
	@RequiresDatabase(TestDatabase.MARIADB)
	void killedLockHolderReleasesTheLockPromptlyOnMariaDb(TestInfo test) throws Exception {
		lockHolderKilled(isolated(TestDatabase.MARIADB), "MariaDB (GET_LOCK)", false, test);
	}

	@Test
	void killedLockHolderLosesTheLockRowAfterItsLeaseOnH2Server(TestInfo test) throws Exception {
		lockHolderKilled(h2(), "H2 server (lock row, lease 3 s)", false, test);
	}

	/**
	 * Kill the JVM that holds the lock in the middle of migration 51 and measure how soon
	 * a waiting JVM gets the lock. Where DDL is transactional the killed migration left
	 * nothing and the waiter applies it; elsewhere its RUNNING row remains and the waiter
	 * reports it.
	 */
	private void lockHolderKilled(Target target, String database, boolean transactionalDdl, TestInfo test)
			throws Exception {
		AppProcess holder = startPaused(target, test, "holder", "--migrate.lock-lease=3s");
		AppProcess waiter = start(output(test, "waiter"), target.arguments("--reliability.crash-migration=true",
				"--migrate.lock-timeout=120s", "--migrate.lock-lease=3s"));
		Thread.sleep(4000);
		assertThat(waiter.isAlive()).as("the second instance waits for the lock").isTrue();
		long killedAt = System.currentTimeMillis();
		holder.kill();
		int exit = waiter.waitForExit(120);
		String outcome;
		if (transactionalDdl) {
			assertThat(exit).as(waiter::output).isZero();
			assertThat(status(target.jdbc(), "51")).isEqualTo("SUCCESS");
			outcome = "the waiting instance took the lock and started";
		}
		else {
			assertThat(exit).isNotZero();
			assertThat(waiter.output()).contains("Migration 51", "did not finish");
			outcome = "the waiting instance took the lock and reported the interrupted migration";
		}
		long acquiredAt = waiter.reported(ReliabilityApplication.LOCK_ACQUIRED_AT_PREFIX).orElseThrow();
		long delay = acquiredAt - killedAt;
		assertThat(delay).isLessThan(30_000);
		report.add("| kill -9 of the process holding the lock | " + database + " | " + outcome + " | lock taken "
				+ delay + " ms after the kill |");
	}

	@Test
	@RequiresDatabase(TestDatabase.POSTGRES)
	void connectionTerminatedMidMigrationFailsClearlyAndTheNextStartSucceedsOnPostgres(TestInfo test) throws Exception {
		Target target = isolated(TestDatabase.POSTGRES);
		AppProcess victim = startPaused(target, test, "victim");
		List<Boolean> terminated = target.jdbc()
			.queryForList(
					"SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
							+ " WHERE state = 'idle in transaction' AND query LIKE 'CREATE TABLE crash_first%'",
					Boolean.class);
		assertThat(terminated).containsExactly(true);
		Files.writeString(Path.of(this.workDirectory.resolve("pause") + ".release"), "go");

		assertThat(victim.waitForExit(120)).isNotZero();
		assertThat(victim.output()).contains("Migration 51", "failed in up", "rolled back completely");
		assertThat(versions(target.jdbc())).hasSize(50).doesNotContain("51");
		assertThat(tables(target.dataSource())).doesNotContain("crash_first", "crash_second");

		AppProcess restart = start(output(test, "restart"), target.arguments("--reliability.crash-migration=true"));
		assertThat(restart.waitForExit(120)).as(restart::output).isZero();
		assertThat(status(target.jdbc(), "51")).isEqualTo("SUCCESS");
		report.add("| pg_terminate_backend of the migration's connection mid-migration | PostgreSQL | clear error"
				+ " naming migration 51; no history row, no table; the next start applied it | - |");
	}

	@Test
	@RequiresDatabase(TestDatabase.POSTGRES)
	void lockConnectionTerminatedMidMigrationIsNoticedAndTheMigrationAppliedOnceOnPostgres(TestInfo test)
			throws Exception {
		Target target = isolated(TestDatabase.POSTGRES);
		LockLoss loss = loseTheLockMidMigration(target, TestDatabase.POSTGRES, test);

		// A's transaction, DDL included, was rolled back; B, blocked on A's uncommitted
		// table until then, applied the migration.
		assertThat(loss.waiterExit).as(loss.waiter::output).isZero();
		assertThat(loss.holder.output()).contains("Its up ran but was rolled back, with its history row");
		assertThat(statuses(target.jdbc(), "51")).containsExactly("SUCCESS");
		assertThat(tables(target.dataSource())).contains("crash_first", "crash_second");
		report.add("| pg_terminate_backend of the lock's connection mid-migration, a second instance started"
				+ " meanwhile | PostgreSQL | holder stopped before committing: 'lock lost', naming migration 51,"
				+ " rolled back; the second took the lock " + loss.takenAfterMillis + " ms after the kill and applied"
				+ " it; history: 51 SUCCESS once | - |");
	}

	@Test
	@RequiresDatabase(TestDatabase.MARIADB)
	void lockConnectionKilledMidMigrationIsNoticedAndTheMigrationRunsOnceOnMariaDb(TestInfo test) throws Exception {
		Target target = isolated(TestDatabase.MARIADB);
		LockLoss loss = loseTheLockMidMigration(target, TestDatabase.MARIADB, test);

		// DDL committed as it ran: A's RUNNING row stays, and B, which took the lock,
		// reports the migration as interrupted instead of running it again.
		assertThat(loss.waiterExit).isNotZero();
		assertThat(loss.waiter.output()).contains("Migration 51", "did not finish");
		assertThat(loss.holder.output()).contains("the history records it as RUNNING");
		assertThat(statuses(target.jdbc(), "51")).containsExactly("RUNNING");
		assertThat(tables(target.dataSource())).contains("crash_first", "crash_second");
		report.add("| KILL of the lock's connection (IS_USED_LOCK) mid-migration, a second instance started"
				+ " meanwhile | MariaDB | holder stopped before committing: 'lock lost', naming migration 51, RUNNING"
				+ " row left; the second took the lock " + loss.takenAfterMillis + " ms after the kill and reported"
				+ " migration 51 as interrupted instead of running it again; up ran once | - |");
	}

	/**
	 * Instance A pauses in the middle of migration 51 holding the lock; B starts and
	 * waits for the lock; the lock's session of A is ended; once B holds the lock, A goes
	 * on. A must stop with "lock lost" before committing, naming migration 51.
	 */
	private LockLoss loseTheLockMidMigration(Target target, TestDatabase database, TestInfo test) throws Exception {
		AppProcess holder = startPaused(target, test, "holder");
		AppProcess waiter = start(output(test, "waiter"),
				target.arguments("--reliability.crash-migration=true", "--migrate.lock-timeout=120s"));
		Thread.sleep(3000);
		assertThat(waiter.isAlive()).as("the second instance waits for the lock").isTrue();
		assertThat(waiter.reported(ReliabilityApplication.LOCK_ACQUIRED_AT_PREFIX)).isEmpty();

		long killedAt = System.currentTimeMillis();
		LockSessions.terminateHolder(database, target.dataSource(), "migrate_history");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (waiter.reported(ReliabilityApplication.LOCK_ACQUIRED_AT_PREFIX).isEmpty()) {
			assertThat(System.nanoTime()).as(waiter::output).isLessThan(deadline);
			Thread.sleep(20);
		}
		long takenAfter = waiter.reported(ReliabilityApplication.LOCK_ACQUIRED_AT_PREFIX).getAsLong() - killedAt;
		Files.writeString(Path.of(this.workDirectory.resolve("pause") + ".release"), "go");

		assertThat(holder.waitForExit(120)).isNotZero();
		assertThat(holder.output()).contains("was lost", "migrate stopped before committing Migration 51");
		int waiterExit = waiter.waitForExit(120);
		return new LockLoss(holder, waiter, waiterExit, takenAfter);
	}

	private record LockLoss(AppProcess holder, AppProcess waiter, int waiterExit, long takenAfterMillis) {
	}

	/**
	 * Start migration 51 in a JVM of its own and wait until it pauses between its two
	 * statements ({@code --reliability.pause-in=down} pauses its down instead).
	 */
	private AppProcess startPaused(Target target, TestInfo test, String name, String... arguments)
			throws InterruptedException {
		Path pause = this.workDirectory.resolve("pause");
		List<String> all = new ArrayList<>(
				List.of("--reliability.crash-migration=true", "--reliability.pause-file=" + pause));
		all.addAll(List.of(arguments));
		AppProcess process = start(output(test, name), target.arguments(all.toArray(String[]::new)));
		AppProcess.awaitFile(Path.of(pause + ".reached"), 120, process);
		return process;
	}

	/** Start an instance, killed after the test if it still runs. */
	private AppProcess start(Path output, String... arguments) {
		AppProcess process = AppProcess.start(output, arguments);
		this.cleanUp.add(process);
		return process;
	}

	private Target isolated(TestDatabase database) throws Exception {
		TestDatabase.Isolated isolated = database.createIsolated();
		this.cleanUp.add(isolated);
		this.workDirectory = Files.createTempDirectory("migrate-reliability");
		return new Target(isolated.url(), isolated.user(), isolated.password(), isolated.dataSource());
	}

	private Target h2() throws Exception {
		String url = "jdbc:h2:tcp://localhost:" + h2Server.getPort() + "/mem:rel"
				+ UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
		this.workDirectory = Files.createTempDirectory("migrate-reliability");
		return new Target(url, "sa", "", dataSource);
	}

	private static Path output(TestInfo test, String name) {
		return Path.of("target", "reliability", test.getTestMethod().orElseThrow().getName(), name + ".log");
	}

	private static List<String> versions(JdbcTemplate jdbc) {
		return jdbc.queryForList("SELECT version FROM migrate_history WHERE status = 'SUCCESS'", String.class);
	}

	private static List<String> statuses(JdbcTemplate jdbc, String version) {
		return jdbc.queryForList("SELECT status FROM migrate_history WHERE version = ? ORDER BY installed_rank",
				String.class, version);
	}

	private static String status(JdbcTemplate jdbc, String version) {
		List<String> statuses = jdbc.queryForList(
				"SELECT status FROM migrate_history WHERE version = ? ORDER BY installed_rank DESC", String.class,
				version);
		return statuses.isEmpty() ? "NONE" : statuses.get(0);
	}

	private static List<String> tables(DataSource dataSource) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				ResultSet tables = connection.getMetaData()
					.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] { "TABLE" })) {
			while (tables.next()) {
				names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return names;
	}

	private record Target(String url, String user, String password, DataSource dataSource) {

		String[] arguments(String... extra) {
			List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + this.url,
					"--spring.datasource.username=" + this.user, "--spring.datasource.password=" + this.password));
			arguments.addAll(List.of(extra));
			return arguments.toArray(String[]::new);
		}

		JdbcTemplate jdbc() {
			return new JdbcTemplate(this.dataSource);
		}

	}

}
