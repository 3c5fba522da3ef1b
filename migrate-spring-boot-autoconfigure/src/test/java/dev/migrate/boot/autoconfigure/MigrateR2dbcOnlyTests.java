package dev.migrate.boot.autoconfigure;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.migrate.Migrator;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateBooks;
import io.r2dbc.h2.H2ConnectionConfiguration;
import io.r2dbc.h2.H2ConnectionFactory;
import io.r2dbc.h2.H2ConnectionOption;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that reaches its database through R2DBC only: its
 * {@link ConnectionFactory} bean makes Spring Boot configure no {@link DataSource}, and
 * migrate migrates through a JDBC connection of its own, built from {@code migrate.url}.
 * <p>
 * The connection factory is declared here as {@code spring-boot-r2dbc} would declare it
 * from {@code spring.r2dbc.url}: with that module on this module's test class path, every
 * full application of the other tests would get an embedded R2DBC connection factory in
 * place of its data source.
 */
class MigrateR2dbcOnlyTests {

	private final String database = "r2dbc" + UUID.randomUUID();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
		.withBean(ConnectionFactory.class,
				() -> new H2ConnectionFactory(H2ConnectionConfiguration.builder()
					.inMemory(this.database)
					.username("sa")
					.property(H2ConnectionOption.DB_CLOSE_DELAY, "-1")
					.build()))
		.withUserConfiguration(CreateBooks.class);

	@Test
	void migratesThroughMigrateUrlWithoutADataSource() {
		this.contextRunner
			.withPropertyValues("migrate.url=jdbc:h2:mem:" + this.database + ";DB_CLOSE_DELAY=-1", "migrate.user=sa")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class).hasSingleBean(Migrator.class);
				assertThat(titles(context.getBean(ConnectionFactory.class))).containsExactly("Seeded by migration 1");
			});
	}

	@Test
	void doesNotMigrateWithoutMigrateUrl() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class).doesNotHaveBean(Migrator.class);
			assertThat(tables(context.getBean(ConnectionFactory.class))).doesNotContain("BOOK", "MIGRATE_HISTORY");
		});
	}

	@Test
	void explainsAJdbcDriverMissingNextToTheR2dbcOne() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.postgresql"))
			.withPropertyValues("migrate.url=jdbc:postgresql://db/app?password=secret")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(MissingJdbcDriverException.class);
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("migrate.url", "org.postgresql.Driver")
					.doesNotContain("secret");
				assertThat(analysis.getAction()).contains("org.postgresql:postgresql", "migrate.driver-class-name");
			});
	}

	private static List<String> titles(ConnectionFactory connectionFactory) {
		return query(connectionFactory, "SELECT title FROM book ORDER BY id");
	}

	private static List<String> tables(ConnectionFactory connectionFactory) {
		return query(connectionFactory,
				"SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'");
	}

	private static List<String> query(ConnectionFactory connectionFactory, String sql) {
		return Flux
			.usingWhen(connectionFactory.create(),
					(connection) -> Flux.from(connection.createStatement(sql).execute())
						.flatMap((result) -> result.map((row, metadata) -> row.get(0, String.class))),
					Connection::close)
			.collectList()
			.block();
	}

}
