package dev.migrate.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.migrate.Migration;
import dev.migrate.MigrationListener;
import dev.migrate.boot.autoconfigure.MigrateConfigurationCustomizer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The small application the multi-process tests start several times, as separate JVMs: it
 * uses the starter's auto-configuration like any user application, and reports how long
 * it waited for the migration lock on standard output.
 */
@SpringBootApplication
public class ReliabilityApplication {

	static final String LOCK_WAIT_PREFIX = "RELIABILITY lock-wait-ms=";

	static final String LOCK_ACQUIRED_AT_PREFIX = "RELIABILITY lock-acquired-at=";

	static final String STARTED = "RELIABILITY started";

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ReliabilityApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(args)) {
			System.out.println(STARTED);
		}
	}

	@Bean
	MigrateConfigurationCustomizer lockWaitReporter() {
		return (builder) -> builder.listener(new MigrationListener() {

			@Override
			public void lockAcquired(Duration waited) {
				System.out.println(LOCK_WAIT_PREFIX + waited.toMillis());
				System.out.println(LOCK_ACQUIRED_AT_PREFIX + System.currentTimeMillis());
			}

		});
	}

	/**
	 * Migration 51, present when {@code reliability.crash-migration=true}: two statements
	 * in each direction. With {@code reliability.pause-file} set, its {@code up} (or its
	 * {@code down}, with {@code reliability.pause-in=down}) signals that it ran the first
	 * by creating {@code <pause-file>.reached} and waits for {@code <pause-file>.release}
	 * before the second; the tests kill the process, or its connection, while it waits.
	 */
	@Migration(version = "51")
	@ConditionalOnProperty("reliability.crash-migration")
	static class PausingMigration {

		private final @Nullable String pauseFile;

		private final String pauseIn;

		PausingMigration(Environment environment) {
			this.pauseFile = environment.getProperty("reliability.pause-file");
			this.pauseIn = environment.getProperty("reliability.pause-in", "up");
		}

		public void up(JdbcTemplate jdbc) throws Exception {
			jdbc.execute("CREATE TABLE crash_first (id INT PRIMARY KEY)");
			pauseIf("up");
			jdbc.execute("CREATE TABLE crash_second (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) throws Exception {
			jdbc.execute("DROP TABLE IF EXISTS crash_second");
			pauseIf("down");
			jdbc.execute("DROP TABLE IF EXISTS crash_first");
		}

		private void pauseIf(String direction) throws Exception {
			if (this.pauseFile == null || !this.pauseIn.equals(direction)) {
				return;
			}
			Files.writeString(Path.of(this.pauseFile + ".reached"), "reached");
			Path release = Path.of(this.pauseFile + ".release");
			while (!Files.exists(release)) {
				Thread.sleep(20);
			}
		}

	}

}
