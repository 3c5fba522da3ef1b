package dev.migrate.boot.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import dev.migrate.boot.autoconfigure.TestMigrations.AddAuthor;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateBooks;
import org.h2.tools.Server;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate.connect-retries}: an H2 server that starts after the application, on a
 * port of its own, is migrated once it answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrateConnectRetriesTests {

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final int port = freePort();

	private final String url = "jdbc:h2:tcp://localhost:" + this.port + "/mem:late;DB_CLOSE_DELAY=-1";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
		.withUserConfiguration(CreateBooks.class, AddAuthor.class)
		.withPropertyValues("spring.datasource.url=" + this.url, "spring.datasource.username=sa",
				// Hikari would otherwise wait up to 30 s for a connection itself.
				"spring.datasource.hikari.connection-timeout=250");

	private Server server;

	@AfterEach
	void stopServer() {
		this.scheduler.shutdownNow();
		if (this.server != null) {
			this.server.stop();
		}
	}

	@Test
	void migratesADatabaseThatStartsAfterTheApplication(CapturedOutput output) throws Exception {
		this.server = Server.createTcpServer("-tcpPort", String.valueOf(this.port), "-ifNotExists");
		// The server starts once a connection has failed, however long the start takes.
		FailingUntilStarted.onFirstFailure
			.set(() -> this.scheduler.schedule(() -> this.server.start(), 300, TimeUnit.MILLISECONDS));
		this.contextRunner.withUserConfiguration(FailingUntilStarted.class)
			.withPropertyValues("migrate.connect-retries=60", "migrate.connect-retries-interval=100ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DatabaseState state = new DatabaseState(DataSourceBuilder.create()
					.type(SimpleDriverDataSource.class)
					.url(this.url)
					.username("sa")
					.build());
				assertThat(state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
				assertThat(state.hasColumn("book", "author")).isTrue();
			});
		assertThat(output).contains("Could not connect to the database", "retry 1 of 60 after 100 ms",
				"Connected to the database after retrying");
	}

	@Test
	void failsTheStartWhenTheDatabaseDoesNotAnswerInTime(CapturedOutput output) {
		this.contextRunner.withPropertyValues("migrate.connect-retries=2", "migrate.connect-retries-interval=50ms")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("could not connect to the database",
						"Tried 3 times, 50 ms apart (migrate.connect-retries, migrate.connect-retries-interval)",
						"Nothing was changed");
				assertThat(analysis.getAction()).contains("allow it more time (migrate.connect-retries)");
			});
		assertThat(output).contains("retry 1 of 2", "retry 2 of 2").doesNotContain("retry 3");
	}

	@Test
	void triesOnceByDefault(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(new MigrateFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
				.contains("could not connect to the database")
				.doesNotContain("Tried");
		});
		assertThat(output).doesNotContain("retry 1");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingUntilStarted {

		static final AtomicReference<@Nullable Runnable> onFirstFailure = new AtomicReference<>();

		@Bean
		DataSource dataSource(Environment environment) {
			DataSource server = new SimpleDriverDataSource(new org.h2.Driver(),
					environment.getRequiredProperty("spring.datasource.url"), "sa", "");
			return new DelegatingDataSource(server) {

				@Override
				public Connection getConnection() throws SQLException {
					try {
						return super.getConnection();
					}
					catch (SQLException ex) {
						Runnable start = onFirstFailure.getAndSet(null);
						if (start != null) {
							start.run();
						}
						throw ex;
					}
				}

			};
		}

	}

}
