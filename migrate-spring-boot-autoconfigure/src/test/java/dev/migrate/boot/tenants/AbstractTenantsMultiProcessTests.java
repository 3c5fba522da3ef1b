package dev.migrate.boot.tenants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two JVMs started together on the same 200 tenants: both end with exit code 0, every
 * tenant is migrated exactly once, by one of them, and the split is reported.
 */
abstract class AbstractTenantsMultiProcessTests {

	private static final int TENANTS = 200;

	private TestDatabase.Isolated database;

	private JdbcTemplate jdbc;

	private String prefix;

	abstract TestDatabase database();

	abstract String dropSchema(String schema);

	@BeforeEach
	void createDatabase() {
		this.database = database().createIsolated();
		this.jdbc = new JdbcTemplate(this.database.dataSource());
		this.prefix = "mp" + UUID.randomUUID().toString().replace("-", "").substring(0, 6) + "_";
	}

	@AfterEach
	void dropTenants() {
		try {
			for (String schema : this.jdbc.queryForList("SELECT schema_name FROM information_schema.schemata",
					String.class)) {
				if (schema.toLowerCase(Locale.ROOT).startsWith(this.prefix)) {
					this.jdbc.execute(dropSchema(schema));
				}
			}
		}
		finally {
			this.database.close();
		}
	}

	@Test
	void twoJvmsShareTheTenantsAndMigrateEachOnce() throws Exception {
		Process first = start("jvm_a");
		Process second = start("jvm_b");
		int firstExit = waitFor(first, "jvm_a");
		int secondExit = waitFor(second, "jvm_b");
		assertThat(firstExit).as(() -> log("jvm_a")).isZero();
		assertThat(secondExit).as(() -> log("jvm_b")).isZero();
		Map<String, Integer> byInstaller = new HashMap<>();
		for (int i = 0; i < TENANTS; i++) {
			String schema = this.prefix + String.format(Locale.ROOT, "%03d", i);
			List<Map<String, Object>> rows = this.jdbc.queryForList(
					"SELECT version, status, installed_by FROM " + schema + ".migrate_history ORDER BY installed_rank");
			assertThat(rows).extracting((row) -> row.get("version") + ":" + row.get("status"))
				.containsExactly("1:SUCCESS", "2:SUCCESS", "3:SUCCESS");
			assertThat(rows).extracting((row) -> row.get("installed_by")).containsOnly(rows.get(0).get("installed_by"));
			byInstaller.merge((String) rows.get(0).get("installed_by"), 1, Integer::sum);
		}
		int reportedA = reported("jvm_a");
		int reportedB = reported("jvm_b");
		assertThat(reportedA + reportedB).isEqualTo(TENANTS);
		assertThat(byInstaller.getOrDefault("jvm_a", 0)).isEqualTo(reportedA);
		assertThat(byInstaller.getOrDefault("jvm_b", 0)).isEqualTo(reportedB);
		System.out.println("[tenants] two JVMs on " + database() + ": jvm_a migrated " + reportedA + ", jvm_b "
				+ reportedB + " of " + TENANTS + " tenants");
	}

	private Process start(String name) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx192m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(TenantsApplication.class.getName());
		command.add("--spring.main.banner-mode=off");
		command.add("--logging.level.root=WARN");
		command.add("--logging.level.dev.migrate.tenant=INFO");
		command.add("--spring.datasource.url=" + this.database.url());
		command.add("--spring.datasource.username=" + this.database.user());
		command.add("--spring.datasource.password=" + this.database.password());
		command.add("--spring.datasource.hikari.maximum-pool-size=16");
		command.add("--migrate.installed-by=" + name);
		command.add("--migrate.tenants.parallelism=4");
		command.add("--migrate.tenants.progress-interval=1s");
		command.add("--tenants-test.prefix=" + this.prefix);
		command.add("--tenants-test.count=" + TENANTS);
		Path output = output(name);
		Files.createDirectories(output.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().remove("MIGRATE_ENABLED");
		return builder.start();
	}

	private int waitFor(Process process, String name) throws InterruptedException {
		if (!process.waitFor(300, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
			throw new AssertionError(name + " did not end within 300 s:\n" + log(name));
		}
		return process.exitValue();
	}

	private Path output(String name) {
		return Path.of("target", "tenants-processes", this.prefix + name + ".log");
	}

	private String log(String name) {
		try {
			return Files.readString(output(name));
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

	private int reported(String name) throws IOException {
		return Files.readAllLines(output(name))
			.stream()
			.filter((line) -> line.startsWith("tenants-migrated-here: "))
			.mapToInt((line) -> Integer.parseInt(line.substring("tenants-migrated-here: ".length()).trim()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " reported nothing"));
	}

}
