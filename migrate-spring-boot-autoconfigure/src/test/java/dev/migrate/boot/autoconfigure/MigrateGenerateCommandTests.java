package dev.migrate.boot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.boot.autoconfigure.TestMigrations.AddAuthor;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateBooks;
import dev.migrate.boot.autoconfigure.command.MigrateCommandCompletedException;
import dev.migrate.boot.autoconfigure.command.MigrateCommandExitHandler;
import dev.migrate.boot.autoconfigure.command.MigrateCommandResult;
import dev.migrate.boot.autoconfigure.domain.Book;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code migrate.command=generate}: the next migration is written from the
 * entities after the {@code EntityManagerFactory} is built, and the database is never
 * changed.
 */
class MigrateGenerateCommandTests {

	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final DataSource dataSource = DataSourceBuilder.create()
		.type(SimpleDriverDataSource.class)
		.url(this.url)
		.username("sa")
		.build();

	private final DatabaseState state = new DatabaseState(this.dataSource);

	private final RecordingExitHandler exitHandler = new RecordingExitHandler();

	@TempDir
	Path sources;

	// The command's environment post-processor sets ddl-auto=none; a context runner
	// does not run it, so the tests set it themselves.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrateGenerateAutoConfiguration.class))
		.withBean(MigrateCommandExitHandler.class, () -> this.exitHandler)
		.withPropertyValues("spring.datasource.url=" + this.url, "spring.datasource.username=sa",
				"migrate.command=generate", "spring.jpa.hibernate.ddl-auto=none");

	private final ApplicationContextRunner jpaContextRunner = this.contextRunner
		.withConfiguration(AutoConfigurations.of(HibernateJpaAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class))
		.withUserConfiguration(BookEntities.class);

	@Test
	void writesTheNextMigrationFromTheEntitiesAndChangesNothingInTheDatabase() {
		applied(new CreateBooks());
		this.jpaContextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.generate.name=WidenBookTitle", "migrate.generate.directory=" + this.sources)
			.run((context) -> {
				assertThat(context.getStartupFailure()).isInstanceOf(MigrateCommandCompletedException.class);
				MigrateCommandResult result = this.exitHandler.result();
				assertThat(result.exitCode()).as(result.report()).isZero();
				Path file = this.sources.resolve("dev/migrate/boot/autoconfigure/WidenBookTitle.java");
				assertThat(result.report()).contains("Generated migration 2", "changed column book.title",
						file.toAbsolutePath().toString());
				assertThat(file).exists();
				assertThat(Files.readString(file)).contains("package dev.migrate.boot.autoconfigure;",
						"@Migration(version = \"2\", description = \"Widen book title\")", "class WidenBookTitle",
						"jdbc.execute(\"alter table book alter column title set data type",
						"alter column title drop not null");
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
				assertThat(
						this.state.jdbc()
							.queryForObject("SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS"
									+ " WHERE TABLE_NAME = 'BOOK' AND COLUMN_NAME = 'TITLE'", Integer.class))
					.isEqualTo(100);
			});
	}

	@Test
	void writesIntoTheGivenPackage() {
		applied(new CreateBooks());
		this.jpaContextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.generate.name=WidenBookTitle", "migrate.generate.directory=" + this.sources,
					"migrate.generate.package=com.example.db")
			.run((context) -> {
				assertThat(this.exitHandler.result().exitCode()).isZero();
				assertThat(this.sources.resolve("com/example/db/WidenBookTitle.java")).exists();
			});
	}

	@Test
	void saysNothingToGenerateWhenTheDatabaseMatchesTheEntities() {
		applied(new CreateBooksAsMapped());
		this.jpaContextRunner.withUserConfiguration(CreateBooksAsMapped.class)
			.withPropertyValues("migrate.generate.name=Nothing", "migrate.generate.directory=" + this.sources)
			.run((context) -> {
				MigrateCommandResult result = this.exitHandler.result();
				assertThat(result.exitCode()).as(result.report()).isZero();
				assertThat(result.report())
					.isEqualTo("Nothing to generate: the database at version 1 matches the JPA entities."
							+ " Nothing was written.");
				assertThat(this.sources).isEmptyDirectory();
			});
	}

	@Test
	void refusesWhileMigrationsArePendingNamingThem() {
		applied(new CreateBooks());
		this.jpaContextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class)
			.withPropertyValues("migrate.generate.name=Next", "migrate.generate.directory=" + this.sources)
			.run((context) -> {
				MigrateCommandResult result = this.exitHandler.result();
				assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.INVALID);
				assertThat(result.report()).contains("1 migration is pending (2 Add author to books)",
						"--migrate.command=migrate");
				assertThat(this.sources).isEmptyDirectory();
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
				assertThat(this.state.hasColumn("book", "author")).isFalse();
			});
	}

	@Test
	void refusesANameThatIsNotAJavaClassName() {
		applied(new CreateBooks());
		this.jpaContextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.generate.name=2nd-try", "migrate.generate.directory=" + this.sources)
			.run((context) -> {
				MigrateCommandResult result = this.exitHandler.result();
				assertThat(result.exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
				assertThat(result.report()).contains("migrate.generate.name=2nd-try is not a Java class name");
				assertThat(this.sources).isEmptyDirectory();
			});
	}

	@Test
	void refusesWithoutAName() {
		applied(new CreateBooks());
		this.jpaContextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.generate.directory=" + this.sources)
			.run((context) -> {
				assertThat(this.exitHandler.result().exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
				assertThat(this.exitHandler.result().report()).contains("migrate.generate.name is not set");
			});
	}

	@Test
	void neverOverwritesAFile() throws Exception {
		applied(new CreateBooks());
		Path existing = this.sources.resolve("dev/migrate/boot/autoconfigure/WidenBookTitle.java");
		Files.createDirectories(existing.getParent());
		Files.writeString(existing, "// mine");
		this.jpaContextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.generate.name=WidenBookTitle", "migrate.generate.directory=" + this.sources)
			.run((context) -> {
				assertThat(this.exitHandler.result().exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
				assertThat(this.exitHandler.result().report()).contains("exists already");
				assertThat(existing).hasContent("// mine");
			});
	}

	@Test
	void refusesADirectoryItCannotWrite() throws Exception {
		applied(new CreateBooks());
		Path notADirectory = Files.writeString(this.sources.resolve("file"), "x");
		this.jpaContextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.generate.name=WidenBookTitle", "migrate.generate.directory=" + notADirectory)
			.run((context) -> {
				assertThat(this.exitHandler.result().exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
				assertThat(this.exitHandler.result().report()).contains("Cannot write", "migrate.generate.directory");
			});
	}

	@Test
	void refusesWithoutJpa() {
		applied(new CreateBooks());
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.generate.name=WidenBookTitle", "migrate.generate.directory=" + this.sources)
			.run((context) -> {
				assertThat(this.exitHandler.result().exitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
				assertThat(this.exitHandler.result().report()).contains("no EntityManagerFactory was built");
				assertThat(this.sources).isEmptyDirectory();
			});
	}

	private void applied(Object migration) {
		Migrator.builder(this.dataSource).migrations(List.of(migration)).build().migrate();
	}

	@Migration(version = "1", description = "Create books as mapped")
	static class CreateBooksAsMapped {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE book (id INTEGER NOT NULL PRIMARY KEY, title VARCHAR(255))");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE book");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Book.class)
	static class BookEntities {

	}

}
