package dev.migrate.boot.autoconfigure.process;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs commands the way operators and Kubernetes Jobs do: in a JVM of their own, whose
 * exit code is the command's.
 */
class MigrateCommandProcessTests {

	@TempDir
	Path directory;

	@Test
	void migrateCommandExitsWithZeroAfterMigrating() throws Exception {
		String url = "jdbc:h2:file:" + this.directory.resolve("db").toAbsolutePath();
		assertThat(run(url, "--migrate.command=migrate")).isZero();
		assertThat(history(url)).containsExactly("1:SUCCESS");
	}

	@Test
	void rollbackCommandExitsWithZeroAfterRollingBack() throws Exception {
		String url = "jdbc:h2:file:" + this.directory.resolve("db").toAbsolutePath();
		assertThat(run(url, "--migrate.command=migrate")).isZero();
		assertThat(run(url, "--migrate.command=rollback")).isZero();
		assertThat(history(url)).containsExactly("1:ROLLED_BACK");
	}

	@Test
	void failedCommandExitsWithItsNonZeroCode() throws Exception {
		String url = "jdbc:h2:file:" + this.directory.resolve("db").toAbsolutePath();
		assertThat(run(url, "--migrate.command=rollback")).isEqualTo(4);
		assertThat(history(url)).isEmpty();
	}

	private int run(String url, String command) throws Exception {
		File output = this.directory.resolve("output.txt").toFile();
		Process process = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
				CommandApplication.class.getName(), "--spring.datasource.url=" + url, "--spring.datasource.username=sa",
				"--spring.jpa.hibernate.ddl-auto=validate", command)
			.redirectErrorStream(true)
			.redirectOutput(output)
			.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
		System.out.println(Files.readString(output.toPath(), StandardCharsets.UTF_8));
		return process.exitValue();
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static List<String> history(String url) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			try (ResultSet tables = connection.getMetaData().getTables(null, null, "MIGRATE_HISTORY", null)) {
				if (!tables.next()) {
					return rows;
				}
			}
			try (ResultSet rs = connection.createStatement()
				.executeQuery("SELECT version, status FROM migrate_history ORDER BY installed_rank")) {
				while (rs.next()) {
					rows.add(rs.getString(1) + ":" + rs.getString(2));
				}
			}
		}
		return rows;
	}

}
