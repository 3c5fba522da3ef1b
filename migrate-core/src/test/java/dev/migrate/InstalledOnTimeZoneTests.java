package dev.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.ContractMigrations.CreateUsersTable;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code installed_on} written by a JVM in Pacific/Kiritimati (UTC+14, started with
 * {@code -Duser.timezone}) reads back as the same instant in this JVM, in UTC and in
 * America/Los_Angeles: once, a TIMESTAMP written in the writer's session zone read back
 * up to a day off, labelled UTC. H2 and HSQLDB as file databases, so that both JVMs open
 * them.
 */
class InstalledOnTimeZoneTests {

	private static final String WRITER_ZONE = "Pacific/Kiritimati";

	@TempDir
	Path directory;

	private final List<AutoCloseable> cleanUp = new ArrayList<>();

	private TimeZone defaultZone;

	@BeforeEach
	void rememberDefaultZone() {
		this.defaultZone = TimeZone.getDefault();
	}

	@AfterEach
	void restoreDefaultZoneAndCleanUp() throws Exception {
		TimeZone.setDefault(this.defaultZone);
		for (AutoCloseable closeable : this.cleanUp) {
			closeable.close();
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void installedOnWrittenInAnotherZoneReadsBackAsTheSameInstant(TestDatabase database) throws Exception {
		Database target = database(database);
		Instant before = Instant.now();
		String output = applyInAJvmIn(WRITER_ZONE, target);
		Instant writerSaw = Instant.parse(output.lines()
			.filter((line) -> line.startsWith(ApplyInAnotherJvm.INSTALLED_ON))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no installed_on printed:\n" + output))
			.substring(ApplyInAnotherJvm.INSTALLED_ON.length()));

		for (String readerZone : List.of("UTC", "America/Los_Angeles")) {
			TimeZone.setDefault(TimeZone.getTimeZone(readerZone));
			try (HikariDataSource reader = pool(target)) {
				Instant installedOn = Migrator.builder(reader)
					.migrations(List.of(new CreateUsersTable()))
					.build()
					.info()
					.migrations()
					.get(0)
					.installedOn();

				assertThat(installedOn).as("read in %s", readerZone).isEqualTo(writerSaw);
				assertThat(installedOn).as("read in %s", readerZone)
					.isCloseTo(before, within(Duration.ofMinutes(1).toMillis(), java.time.temporal.ChronoUnit.MILLIS));
			}
		}
	}

	private String applyInAJvmIn(String zone, Database target) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.timezone=" + zone,
						"-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
						ApplyInAnotherJvm.class.getName(), target.url, target.user, target.password));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		String text = new String(output, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(text).isZero();
		return text;
	}

	private Database database(TestDatabase database) {
		return switch (database) {
			case H2 -> new Database("jdbc:h2:file:" + this.directory.resolve("h2"), "sa", "");
			case HSQLDB -> new Database("jdbc:hsqldb:file:" + this.directory.resolve("hsqldb"), "SA", "");
			default -> {
				TestDatabase.Availability availability = database.availability();
				Assumptions.assumeTrue(availability.available(), availability.reason());
				TestDatabase.Isolated isolated = database.createIsolated();
				this.cleanUp.add(isolated);
				yield new Database(isolated.url(), isolated.user(), isolated.password());
			}
		};
	}

	private static HikariDataSource pool(Database target) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(target.url);
		config.setUsername(target.user);
		config.setPassword(target.password);
		config.setMaximumPoolSize(4);
		return new HikariDataSource(config);
	}

	private record Database(String url, String user, String password) {
	}

}
