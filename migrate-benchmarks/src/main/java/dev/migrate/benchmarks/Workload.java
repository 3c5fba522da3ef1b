package dev.migrate.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.Map;

import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The work every tool does: N migrations, migration {@code i} creating table {@code t_i}
 * and an index on its {@code name} column. The Java classes are generated at build time
 * ({@code src/build/GenerateMigrations.java}); the SQL files and the Liquibase changelog
 * are written here, before any clock starts.
 */
final class Workload {

	private static final String MIGRATE_PACKAGE = "dev.migrate.benchmarks.generated.migrate.";

	private static final String FLYWAY_PACKAGE = "dev.migrate.benchmarks.generated.flyway.";

	private Workload() {
	}

	static String createTable(int i) {
		return "CREATE TABLE t_" + i + " (id BIGINT PRIMARY KEY, name VARCHAR(100), created_at TIMESTAMP)";
	}

	static String createIndex(int i) {
		return "CREATE INDEX t_" + i + "_name ON t_" + i + " (name)";
	}

	/**
	 * Load and instantiate the first N generated {@code @Migration} classes, by bean
	 * name, as a Spring context would.
	 */
	static Map<String, Object> migrateBeans(int n) {
		Map<String, Object> beans = new LinkedHashMap<>();
		for (int i = 1; i <= n; i++) {
			beans.put("createT" + i, instantiate(MIGRATE_PACKAGE + "CreateT" + i));
		}
		return beans;
	}

	static List<String> migrateClassNames(int n) {
		List<String> names = new ArrayList<>(n);
		for (int i = 1; i <= n; i++) {
			names.add(MIGRATE_PACKAGE + "CreateT" + i);
		}
		return names;
	}

	/**
	 * The build-time index of this module's migrations cut to the first N generated
	 * classes, as the index of an application with N migrations would be.
	 */
	static Path migrateIndex(Path workDirectory, int n) throws IOException {
		Path file = workDirectory.resolve("index-" + n).resolve("migrations.index");
		if (!Files.isRegularFile(file)) {
			Files.createDirectories(file.getParent());
			Set<String> first = new HashSet<>(migrateClassNames(n));
			String written;
			try (InputStream input = Workload.class.getClassLoader()
				.getResourceAsStream(dev.migrate.index.MigrationIndex.LOCATION)) {
				if (input == null) {
					throw new IllegalStateException("No index of migrations: rebuild this module on a JDK that runs"
							+ " annotation processors found on the class path (17 to 22), or with -proc:full");
				}
				written = new String(input.readAllBytes(), StandardCharsets.UTF_8);
			}
			StringBuilder index = new StringBuilder();
			for (String line : written.split("\n")) {
				if (line.startsWith("#") || first.contains(line.substring(0, line.indexOf('\t')))) {
					index.append(line).append('\n');
				}
			}
			Files.writeString(file, index, StandardCharsets.UTF_8);
		}
		return file;
	}

	/**
	 * Load and instantiate the first N generated Flyway {@code JavaMigration} classes.
	 */
	static JavaMigration[] flywayMigrations(int n) {
		JavaMigration[] migrations = new JavaMigration[n];
		for (int i = 1; i <= n; i++) {
			migrations[i - 1] = (JavaMigration) instantiate(FLYWAY_PACKAGE + "V" + i + "__Create_t_" + i);
		}
		return migrations;
	}

	static Object instantiate(String className) {
		try {
			return Class.forName(className).getDeclaredConstructor().newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Generated migration " + className + " is missing: rebuild with "
					+ "'./mvnw -pl migrate-benchmarks -am package -DskipTests'", ex);
		}
	}

	/**
	 * Directory with N Flyway SQL migrations, {@code V<i>__create_t_<i>.sql}.
	 */
	static Path flywaySqlDirectory(Path workDirectory, int n) throws IOException {
		Path directory = workDirectory.resolve("flyway-sql-" + n);
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory);
			for (int i = 1; i <= n; i++) {
				Files.writeString(directory.resolve("V" + i + "__create_t_" + i + ".sql"),
						createTable(i) + ";\n" + createIndex(i) + ";\n", StandardCharsets.UTF_8);
			}
		}
		return directory;
	}

	/**
	 * Directory with a Liquibase XML changelog of N change sets, each running the two
	 * statements as an {@code <sql>} change, so that Liquibase executes the same SQL as
	 * the others.
	 */
	static Path liquibaseDirectory(Path workDirectory, int n) throws IOException {
		Path directory = workDirectory.resolve("liquibase-" + n);
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory);
			StringBuilder xml = new StringBuilder("""
					<?xml version="1.0" encoding="UTF-8"?>
					<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
						xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
						xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
							http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
					""");
			for (int i = 1; i <= n; i++) {
				xml.append("\t<changeSet id=\"")
					.append(i)
					.append("\" author=\"bench\">\n\t\t<sql>")
					.append(createTable(i))
					.append(";\n")
					.append(createIndex(i))
					.append(";</sql>\n\t\t<rollback>DROP TABLE t_")
					.append(i)
					.append("</rollback>\n\t</changeSet>\n");
			}
			xml.append("</databaseChangeLog>\n");
			Files.writeString(directory.resolve("changelog.xml"), xml, StandardCharsets.UTF_8);
		}
		return directory;
	}

}
