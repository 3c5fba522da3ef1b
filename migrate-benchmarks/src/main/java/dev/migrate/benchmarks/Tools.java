package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.TransactionMode;
import dev.migrate.index.MigrationIndex;
import dev.migrate.resolver.ClassFileSource;
import dev.migrate.resolver.MigrationSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

/**
 * The tools compared.
 */
final class Tools {

	private Tools() {
	}

	/**
	 * migrate's engine, as {@code Migrator.builder(dataSource).migrations(beans)}: the
	 * beans are instances of N distinct generated classes, so discovery and checksums do
	 * their real work.
	 */
	static final class MigrateEngine implements Tool {

		@Override
		public String name() {
			return "migrate";
		}

		@Override
		public Object load(int n, Path workDirectory) {
			return Workload.migrateBeans(n);
		}

		@Override
		public void migrate(Database.Target target, DataSource dataSource, Object migrations) {
			Map<String, ?> beans = cast(migrations);
			Migrator.builder(dataSource).migrations(beans).build().migrate();
		}

		@SuppressWarnings("unchecked")
		private static Map<String, ?> cast(Object migrations) {
			return (Map<String, ?>) migrations;
		}

	}

	/**
	 * migrate's engine given {@code MigrationSource}s, as the Spring Boot starter gives
	 * it scanned migrations: each described from its class file's metadata (read with
	 * ASM, as component scanning reads it, the class not loaded), its bean created only
	 * if it runs.
	 */
	static final class MigrateSources implements Tool {

		@Override
		public String name() {
			return "migrate (sources)";
		}

		@Override
		public Object load(int n, Path workDirectory) throws Exception {
			ClassLoader classLoader = Tools.class.getClassLoader();
			MetadataReaderFactory readers = new SimpleMetadataReaderFactory(classLoader);
			ClassFileSource classFiles = ClassFileSource.of(classLoader);
			List<MigrationSource> sources = new ArrayList<>(n);
			for (String className : Workload.migrateClassNames(n)) {
				AnnotationMetadata metadata = readers.getMetadataReader(className).getAnnotationMetadata();
				MergedAnnotation<Migration> migration = metadata.getAnnotations().get(Migration.class);
				boolean down = metadata.getDeclaredMethods()
					.stream()
					.anyMatch((method) -> method.getMethodName().equals("down"));
				String simpleName = className.substring(className.lastIndexOf('.') + 1);
				sources.add(new MigrationSource(Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1),
						className, migration.getString("version"), migration.getString("description"),
						migration.getEnum("transaction", TransactionMode.class), migration.getString("checksum"), down,
						classFiles, () -> Workload.instantiate(className)));
			}
			return sources;
		}

		@Override
		public void migrate(Database.Target target, DataSource dataSource, Object migrations) {
			@SuppressWarnings("unchecked")
			List<MigrationSource> sources = (List<MigrationSource>) migrations;
			Migrator.builder(dataSource).migrationSources(sources).build().migrate();
		}

	}

	/**
	 * migrate's engine given the sources of its build-time index
	 * ({@code META-INF/migrate/migrations.index}, written by the annotation processor in
	 * migrate-core when this module is compiled), in an application jar of N migrations
	 * ({@link Workload#migrateIndexJar}): no scan, no class file parsed for discovery,
	 * the beans created only if they run.
	 */
	static final class MigrateIndex implements Tool {

		@Override
		public String name() {
			return "migrate (index)";
		}

		@Override
		public Object load(int n, Path workDirectory) throws IOException {
			ClassLoader classLoader = Workload.migrateIndexJar(workDirectory, n);
			MigrationIndex index = MigrationIndex.read(classLoader);
			if (index == null || index.entries().size() != n) {
				throw new IllegalStateException("The index of the first " + n + " migrations is not on the class path");
			}
			return index.sources(classLoader, MigrationIndex::instantiate);
		}

		@Override
		public void migrate(Database.Target target, DataSource dataSource, Object migrations) {
			@SuppressWarnings("unchecked")
			List<MigrationSource> sources = (List<MigrationSource>) migrations;
			Migrator.builder(dataSource).migrationSources(sources).build().migrate();
		}

	}

	/**
	 * Flyway with {@code JavaMigration} instances, the way Spring Boot hands it
	 * {@code JavaMigration} beans ({@code FluentConfiguration.javaMigrations}); the
	 * default location {@code classpath:db/migration} is scanned, as in Boot, and is
	 * empty.
	 */
	static final class FlywayJava implements Tool {

		@Override
		public String name() {
			return "Flyway (Java)";
		}

		@Override
		public Object load(int n, Path workDirectory) {
			return Workload.flywayMigrations(n);
		}

		@Override
		public void migrate(Database.Target target, DataSource dataSource, Object migrations) {
			Flyway.configure().dataSource(dataSource).javaMigrations((JavaMigration[]) migrations).load().migrate();
		}

	}

	/**
	 * Flyway with N {@code .sql} files in a directory.
	 */
	static final class FlywaySql implements Tool {

		@Override
		public String name() {
			return "Flyway (SQL)";
		}

		@Override
		public Object load(int n, Path workDirectory) throws Exception {
			return Workload.flywaySqlDirectory(workDirectory, n);
		}

		@Override
		public void migrate(Database.Target target, DataSource dataSource, Object migrations) {
			Flyway.configure().dataSource(dataSource).locations("filesystem:" + migrations).load().migrate();
		}

	}

	/**
	 * Liquibase 4.33 with an XML changelog of N change sets, run as Spring Boot's
	 * {@code SpringLiquibase} runs it ({@code Liquibase.update}, update summary to the
	 * log).
	 */
	static final class LiquibaseXml implements Tool {

		@Override
		public String name() {
			return "Liquibase";
		}

		@Override
		public Object load(int n, Path workDirectory) throws Exception {
			return Workload.liquibaseDirectory(workDirectory, n);
		}

		@Override
		public void migrate(Database.Target target, DataSource dataSource, Object migrations) throws Exception {
			Scope.child(Scope.Attr.ui, new LoggerUIService(), () -> {
				try (Connection connection = dataSource.getConnection()) {
					liquibase.database.Database database = DatabaseFactory.getInstance()
						.findCorrectDatabaseImplementation(new JdbcConnection(connection));
					try (Liquibase liquibase = new Liquibase("changelog.xml",
							new DirectoryResourceAccessor((Path) migrations), database)) {
						liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
						liquibase.update(new Contexts(), new LabelExpression());
					}
				}
			});
		}

	}

	/**
	 * The floor: the same statements over plain JDBC on one connection, with the least a
	 * migration tool must do around them. It takes a lock (a PostgreSQL advisory lock; a
	 * lock row on H2), reads the applied versions in one query, and runs each pending
	 * migration with one history insert, in a transaction of its own where DDL is
	 * transactional. It validates nothing.
	 */
	static final class RawJdbc implements Tool {

		private static final long LOCK_KEY = 4_242_424_242L;

		@Override
		public String name() {
			return "raw JDBC";
		}

		@Override
		public Object load(int n, Path workDirectory) {
			return n;
		}

		@Override
		public void migrate(Database.Target target, DataSource dataSource, Object migrations) throws SQLException {
			int n = (Integer) migrations;
			try (Connection connection = dataSource.getConnection()) {
				boolean postgres = connection.getMetaData()
					.getDatabaseProductName()
					.toLowerCase(Locale.ROOT)
					.contains("postgres");
				lock(connection, postgres);
				try {
					Set<Integer> applied = readApplied(connection);
					try (Statement statement = connection.createStatement();
							PreparedStatement insert = connection.prepareStatement("INSERT INTO raw_history"
									+ " (version, description, installed_on, success) VALUES (?, ?, CURRENT_TIMESTAMP, TRUE)")) {
						for (int i = 1; i <= n; i++) {
							if (applied.contains(i)) {
								continue;
							}
							connection.setAutoCommit(!postgres);
							statement.execute(Workload.createTable(i));
							statement.execute(Workload.createIndex(i));
							insert.setInt(1, i);
							insert.setString(2, "Create t_" + i);
							insert.executeUpdate();
							if (postgres) {
								connection.commit();
							}
						}
					}
					finally {
						connection.setAutoCommit(true);
					}
				}
				finally {
					unlock(connection, postgres);
				}
			}
		}

		private static void lock(Connection connection, boolean postgres) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				if (postgres) {
					statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
					return;
				}
				try {
					if (statement.executeUpdate("UPDATE raw_lock SET locked = TRUE WHERE id = 1 AND NOT locked") != 1) {
						throw new IllegalStateException("raw_lock is held");
					}
				}
				catch (SQLException ex) {
					// First run: no lock table yet.
					statement.execute("CREATE TABLE raw_lock (id INT PRIMARY KEY, locked BOOLEAN NOT NULL)");
					statement.execute("INSERT INTO raw_lock VALUES (1, TRUE)");
				}
			}
		}

		private static void unlock(Connection connection, boolean postgres) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute(postgres ? "SELECT pg_advisory_unlock(" + LOCK_KEY + ")"
						: "UPDATE raw_lock SET locked = FALSE WHERE id = 1");
			}
		}

		private static Set<Integer> readApplied(Connection connection) throws SQLException {
			Set<Integer> applied = new HashSet<>();
			try (Statement statement = connection.createStatement()) {
				try (ResultSet rows = statement.executeQuery("SELECT version FROM raw_history WHERE success")) {
					while (rows.next()) {
						applied.add(rows.getInt(1));
					}
				}
				catch (SQLException ex) {
					// First run: no history yet.
					statement.execute("CREATE TABLE raw_history (version INT PRIMARY KEY, description VARCHAR(200)"
							+ " NOT NULL, installed_on TIMESTAMP NOT NULL, success BOOLEAN NOT NULL)");
				}
			}
			return applied;
		}

	}

}
