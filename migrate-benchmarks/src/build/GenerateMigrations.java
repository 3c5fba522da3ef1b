import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark's migration classes: N {@code @Migration} beans for migrate and N
 * {@code BaseJavaMigration} subclasses for Flyway, each creating table {@code t_i} and
 * an index on its {@code name} column. Run by the build as a single-file program:
 * {@code java GenerateMigrations.java <output directory> <count>}.
 */
public class GenerateMigrations {

	public static void main(String[] args) throws IOException {
		Path output = Path.of(args[0]);
		int count = Integer.parseInt(args[1]);
		Path migrate = output.resolve("dev/migrate/benchmarks/generated/migrate");
		Path flyway = output.resolve("dev/migrate/benchmarks/generated/flyway");
		Path marker = output.resolve("count.txt");
		if (Files.exists(marker) && Files.readString(marker).trim().equals(String.valueOf(count))) {
			return;
		}
		Files.createDirectories(migrate);
		Files.createDirectories(flyway);
		for (int i = 1; i <= count; i++) {
			write(migrate.resolve("CreateT" + i + ".java"), migrateClass(i));
			write(flyway.resolve("V" + i + "__Create_t_" + i + ".java"), flywayClass(i));
		}
		write(marker, count + "\n");
	}

	// Keep in step with dev.migrate.benchmarks.Workload.
	static String createTable(int i) {
		return "CREATE TABLE t_" + i + " (id BIGINT PRIMARY KEY, name VARCHAR(100), created_at TIMESTAMP)";
	}

	static String createIndex(int i) {
		return "CREATE INDEX t_" + i + "_name ON t_" + i + " (name)";
	}

	static String migrateClass(int i) {
		return """
				package dev.migrate.benchmarks.generated.migrate;

				import dev.migrate.Migration;

				import org.springframework.jdbc.core.JdbcTemplate;

				@Migration(version = "%1$d", description = "Create t_%1$d")
				public class CreateT%1$d {

					public void up(JdbcTemplate jdbc) {
						jdbc.execute("%2$s");
						jdbc.execute("%3$s");
					}

					public void down(JdbcTemplate jdbc) {
						jdbc.execute("DROP TABLE t_%1$d");
					}

				}
				""".formatted(i, createTable(i), createIndex(i));
	}

	static String flywayClass(int i) {
		return """
				package dev.migrate.benchmarks.generated.flyway;

				import java.sql.Statement;

				import org.flywaydb.core.api.migration.BaseJavaMigration;
				import org.flywaydb.core.api.migration.Context;

				public class V%1$d__Create_t_%1$d extends BaseJavaMigration {

					@Override
					public void migrate(Context context) throws Exception {
						try (Statement statement = context.getConnection().createStatement()) {
							statement.execute("%2$s");
							statement.execute("%3$s");
						}
					}

				}
				""".formatted(i, createTable(i), createIndex(i));
	}

	private static void write(Path file, String content) throws IOException {
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

}
