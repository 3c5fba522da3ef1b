package dev.migrate.resolver;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import dev.migrate.Migrator;
import org.jetbrains.kotlin.cli.common.ExitCode;
import org.jetbrains.kotlin.cli.jvm.K2JVMCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration written in Kotlin, compiled here with the Kotlin compiler, resolves,
 * fingerprints and runs like a Java one.
 */
class MigrationResolverKotlinTests {

	private static final String SOURCE = """
			package dev.migrate.kotlin

			import dev.migrate.Migration
			import org.springframework.jdbc.core.JdbcTemplate

			@Migration(version = "5", description = "Add tags to reports")
			class AddTagsToReports(private val maxTagLength: Int) {

			    fun up(jdbc: JdbcTemplate) {
			        jdbc.execute("CREATE TABLE report_tags (report_id BIGINT NOT NULL, tag VARCHAR(${maxTagLength}) NOT NULL)")
			    }

			    fun down(jdbc: JdbcTemplate) {
			        jdbc.execute(tableDrop())
			    }

			    private fun tableDrop() = listOf("DROP", "TABLE", "report_tags").joinToString(" ")

			}
			""";

	@Test
	void migrationWrittenInKotlinResolvesFingerprintsAndRuns(@TempDir Path directory) throws Exception {
		Class<?> type = compile(directory, SOURCE, "dev.migrate.kotlin.AddTagsToReports");
		Object bean = type.getConstructor(int.class).newInstance(40);
		ResolvedMigration migration = MigrationResolver.resolve(List.of(bean)).get(0);
		assertThat(migration.version()).hasToString("5");
		assertThat(migration.description()).isEqualTo("Add tags to reports");
		assertThat(migration.isReversible()).isTrue();
		assertThat(migration.fingerprint().algorithm()).isEqualTo(Fingerprint.BYTECODE);

		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Migrator migrator = Migrator.builder(dataSource).migrations(List.of(bean)).build();
		migrator.migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.update("INSERT INTO report_tags (report_id, tag) VALUES (1, 'suv')");
		assertThat(jdbc.queryForObject("SELECT checksum FROM migrate_history", String.class))
			.isEqualTo(migration.checksum());
		migrator.rollback(1);
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'REPORT_TAGS'", Integer.class))
			.isZero();
	}

	@Test
	void fingerprintChangesWithTheSqlOfAKotlinMigration(@TempDir Path directory) throws Exception {
		Class<?> original = compile(directory.resolve("a"), SOURCE, "dev.migrate.kotlin.AddTagsToReports");
		Class<?> changed = compile(directory.resolve("b"), SOURCE.replace("BIGINT NOT NULL", "INT NOT NULL"),
				"dev.migrate.kotlin.AddTagsToReports");
		Class<?> same = compile(directory.resolve("c"), SOURCE.replace("\n\n", "\n\n\n"),
				"dev.migrate.kotlin.AddTagsToReports");
		assertThat(Fingerprinter.fingerprint(changed)).isNotEqualTo(Fingerprinter.fingerprint(original));
		assertThat(Fingerprinter.fingerprint(same)).isEqualTo(Fingerprinter.fingerprint(original));
	}

	private static Class<?> compile(Path directory, String source, String className) throws Exception {
		Path file = directory.resolve("src/AddTagsToReports.kt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, source, StandardCharsets.UTF_8);
		Path output = Files.createDirectories(directory.resolve("classes"));
		ByteArrayOutputStream messages = new ByteArrayOutputStream();
		ExitCode exitCode = new K2JVMCompiler().exec(new PrintStream(messages, true, StandardCharsets.UTF_8), "-d",
				output.toString(), "-classpath", TestCompilers.classPath(), "-no-stdlib", "-no-reflect", "-jvm-target",
				"17", "-nowarn", file.toString());
		assertThat(exitCode).as(messages.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
		URLClassLoader loader = new URLClassLoader(new URL[] { output.toUri().toURL() },
				MigrationResolverKotlinTests.class.getClassLoader());
		return loader.loadClass(className);
	}

}
