package dev.migrate.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import dev.migrate.index.MigrationIndex;
import dev.migrate.resolver.ClassFileSource;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The work every tool does: N migrations, migration {@code i} creating table {@code t_i}
 * and an index on its {@code name} column. The Java classes are generated at build time
 * ({@code src/build/GenerateMigrations.java}); the SQL files and the Liquibase changelog
 * are written here, before any clock starts.
 */
final class Workload {

	static final String MIGRATE_PACKAGE = "dev.migrate.benchmarks.generated.migrate.";

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
	 * Load and instantiate the first N generated Flyway {@code JavaMigration} classes.
	 */
	static JavaMigration[] flywayMigrations(int n) {
		JavaMigration[] migrations = new JavaMigration[n];
		for (int i = 1; i <= n; i++) {
			migrations[i - 1] = (JavaMigration) instantiate(FLYWAY_PACKAGE + "V" + i + "__Create_t_" + i);
		}
		return migrations;
	}

	/**
	 * A class loader with an application jar of the first N generated {@code @Migration}
	 * classes and the build-time index of those N beside them, as an application with N
	 * migrations has it. The classes themselves load from this module's jar (the same
	 * bytes); the jar is written once, before any clock starts, in the work directory.
	 */
	static ClassLoader migrateIndexJar(Path workDirectory, int n) throws IOException {
		Path jar = workDirectory.resolve("migrations-" + n + ".jar");
		if (!Files.isRegularFile(jar)) {
			ClassLoader classLoader = Workload.class.getClassLoader();
			String written;
			try (InputStream input = classLoader.getResourceAsStream(MigrationIndex.LOCATION)) {
				if (input == null) {
					throw new IllegalStateException("No index of migrations: rebuild this module on a JDK that runs"
							+ " annotation processors found on the class path (17 to 22), or with -proc:full");
				}
				written = new String(input.readAllBytes(), StandardCharsets.UTF_8);
			}
			Set<String> first = new HashSet<>(migrateClassNames(n));
			StringBuilder index = new StringBuilder();
			for (String line : written.split("\n")) {
				if (line.startsWith("#") || first.contains(line.substring(0, line.indexOf('\t')))) {
					index.append(line).append('\n');
				}
			}
			Path partial = workDirectory.resolve("migrations-" + n + ".jar.partial");
			try (JarOutputStream output = new JarOutputStream(Files.newOutputStream(partial))) {
				Set<String> directories = new HashSet<>();
				entry(output, directories, MigrationIndex.LOCATION, index.toString().getBytes(StandardCharsets.UTF_8));
				for (String className : migrateClassNames(n)) {
					String classFile = ClassFileSource.resourceName(className);
					try (InputStream input = classLoader.getResourceAsStream(classFile)) {
						if (input == null) {
							throw new IllegalStateException("Generated migration " + className + " is missing");
						}
						entry(output, directories, classFile, input.readAllBytes());
					}
				}
			}
			Files.move(partial, jar);
		}
		URL url = jar.toUri().toURL();
		return new URLClassLoader(new URL[] { url }, Workload.class.getClassLoader()) {

			// This jar's index only, not the one of this module's jar (of all the
			// classes).
			@Override
			public Enumeration<URL> getResources(String name) throws IOException {
				return name.equals(MigrationIndex.LOCATION) ? findResources(name) : super.getResources(name);
			}

		};
	}

	private static void entry(JarOutputStream output, Set<String> directories, String name, byte[] bytes)
			throws IOException {
		for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
			if (directories.add(name.substring(0, slash + 1))) {
				output.putNextEntry(new JarEntry(name.substring(0, slash + 1)));
				output.closeEntry();
			}
		}
		output.putNextEntry(new JarEntry(name));
		output.write(bytes);
		output.closeEntry();
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
