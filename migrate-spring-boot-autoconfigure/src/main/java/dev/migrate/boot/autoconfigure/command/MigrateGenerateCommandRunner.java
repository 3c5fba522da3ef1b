package dev.migrate.boot.autoconfigure.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import dev.migrate.InfoResult;
import dev.migrate.MigrationInfo;
import dev.migrate.Migrator;
import dev.migrate.generate.GeneratedMigration;
import dev.migrate.generate.MigrationGenerator;
import dev.migrate.generate.SchemaComparator;
import dev.migrate.generate.SchemaDifference;
import dev.migrate.resolver.ResolvedMigration;
import dev.migrate.schema.SchemaSnapshot;
import org.hibernate.boot.Metadata;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Runs {@link MigrateCommand#GENERATE}: compares the mapping Hibernate built for the
 * persistence unit with the migrated database and writes the next migration. Reads the
 * database, never changes it; refuses while migrations are pending; writes nothing when
 * there is nothing to generate or when the input is wrong.
 *
 * @since 0.1.0
 */
public class MigrateGenerateCommandRunner {

	private final Migrator migrator;

	private final @Nullable Metadata metadata;

	private final @Nullable String name;

	private final Path directory;

	private final @Nullable String packageName;

	private final String historyTable;

	/**
	 * Create a runner.
	 * @param migrator the engine, for the migrations, their state and the database
	 * @param metadata the mapping Hibernate built, or {@code null} where no persistence
	 * unit was built
	 * @param name the class name of the migration ({@code migrate.generate.name})
	 * @param directory the source directory ({@code migrate.generate.directory})
	 * @param packageName the package ({@code migrate.generate.package}), or {@code null}
	 * for that of the newest migration
	 * @param historyTable the history table, left out of the comparison with its lock
	 * table
	 */
	public MigrateGenerateCommandRunner(Migrator migrator, @Nullable Metadata metadata, @Nullable String name,
			Path directory, @Nullable String packageName, String historyTable) {
		Assert.notNull(migrator, "'migrator' must not be null");
		Assert.notNull(directory, "'directory' must not be null");
		this.migrator = migrator;
		this.metadata = metadata;
		this.name = name;
		this.directory = directory;
		this.packageName = StringUtils.hasText(packageName) ? packageName : null;
		this.historyTable = historyTable;
	}

	/**
	 * Generate the migration.
	 * @return the exit code and report
	 */
	public MigrateCommandResult run() {
		try {
			return generate();
		}
		catch (RuntimeException ex) {
			return new MigrateCommandResult(MigrateCommand.GENERATE, MigrateCommandResult.FAILED,
					"Generate failed: " + ex.getMessage() + "\nNothing was written and the database was not changed.",
					ex);
		}
	}

	private MigrateCommandResult generate() {
		if (!StringUtils.hasText(this.name)) {
			return misconfigured("migrate.generate.name is not set: name the migration class to write, for example"
					+ " --migrate.generate.name=AddDisplayNameToUsers.");
		}
		if (!MigrationGenerator.isClassName(this.name)) {
			return misconfigured("migrate.generate.name=" + this.name
					+ " is not a Java class name: use letters, digits and underscores, starting with a letter,"
					+ " such as AddDisplayNameToUsers.");
		}
		if (this.metadata == null) {
			return misconfigured("The generate command compares the JPA entities with the database, but no"
					+ " EntityManagerFactory was built by Hibernate: add spring-boot-starter-data-jpa and your"
					+ " @Entity classes.");
		}
		if (this.metadata.getEntityBindings().isEmpty()) {
			return misconfigured("The persistence unit has no entities: annotate your classes with @Entity in a"
					+ " package below the @SpringBootApplication class (or list them with @EntityScan).");
		}
		InfoResult info = this.migrator.info();
		List<MigrationInfo> pending = info.pending();
		if (!pending.isEmpty()) {
			return new MigrateCommandResult(MigrateCommand.GENERATE, MigrateCommandResult.INVALID, "Generate refused: "
					+ pending.size() + " migration" + ((pending.size() == 1) ? " is" : "s are") + " pending ("
					+ pending.stream()
						.map((migration) -> migration.version() + " " + migration.description())
						.collect(Collectors.joining(", "))
					+ "). The next migration is generated against the database at the latest version.\n"
					+ "Apply them first with --migrate.command=migrate, then generate again." + " Nothing was written.",
					null);
		}
		String packageName = (this.packageName != null) ? this.packageName : newestPackage();
		if (packageName == null) {
			return misconfigured("There is no migration yet to take the package from: set migrate.generate.package,"
					+ " for example --migrate.generate.package=com.example.migration.");
		}
		List<String> excluded = new ArrayList<>(SchemaSnapshot.DEFAULT_EXCLUDED_TABLES);
		excluded.add(this.historyTable);
		excluded.add(this.historyTable + "_lock");
		List<SchemaDifference> differences = SchemaComparator.compare(this.metadata, this.migrator.getDataSource(),
				null, excluded);
		String version = String.valueOf(info.currentVersion());
		if (differences.isEmpty()) {
			return new MigrateCommandResult(MigrateCommand.GENERATE, MigrateCommandResult.SUCCESS,
					"Nothing to generate: the database at version " + version + " matches the JPA entities."
							+ " Nothing was written.",
					null);
		}
		GeneratedMigration migration = MigrationGenerator.generate(differences, packageName, this.name,
				MigrationGenerator
					.nextVersion(this.migrator.getMigrations().stream().map(ResolvedMigration::version).toList()));
		Path file = migration.file(this.directory);
		if (Files.exists(file)) {
			return misconfigured(file + " exists already: choose another migrate.generate.name, or remove the file."
					+ " Nothing was written.");
		}
		try {
			migration.writeTo(this.directory);
		}
		catch (IOException ex) {
			return misconfigured("Cannot write " + file + " (" + ex + "): set migrate.generate.directory to a"
					+ " writable source directory. Nothing was written.");
		}
		return new MigrateCommandResult(MigrateCommand.GENERATE, MigrateCommandResult.SUCCESS,
				report(migration, file, version), null);
	}

	private static String report(GeneratedMigration migration, Path file, String version) {
		StringBuilder report = new StringBuilder("Generated migration ").append(migration.version())
			.append(" (")
			.append(migration.packageName())
			.append('.')
			.append(migration.className())
			.append(") from ")
			.append(migration.differences().size())
			.append((migration.differences().size() == 1) ? " difference" : " differences")
			.append(" between the JPA entities and the database at version ")
			.append(version)
			.append(":");
		for (SchemaDifference difference : migration.differences()) {
			report.append("\n  - ").append(difference);
		}
		report.append("\nWritten to ").append(file.toAbsolutePath()).append('.');
		long dataLoss = migration.differences().stream().filter(SchemaDifference::dataLoss).count();
		if (dataLoss > 0) {
			report.append("\n")
				.append(dataLoss)
				.append(" of them would lose data: their statements are commented out under // DATA LOSS:"
						+ " until you decide.");
		}
		for (String warning : migration.warnings()) {
			report.append("\nWarning: not generated: ").append(warning);
		}
		report.append("\nReview it, then start the application (or run --migrate.command=migrate) to apply it."
				+ " The database was not changed.");
		return report.toString();
	}

	private @Nullable String newestPackage() {
		return this.migrator.getMigrations()
			.stream()
			.max(Comparator.comparing(ResolvedMigration::version))
			.map((migration) -> migration.beanClass().getPackageName())
			.orElse(null);
	}

	private static MigrateCommandResult misconfigured(String message) {
		return new MigrateCommandResult(MigrateCommand.GENERATE, MigrateCommandResult.MISCONFIGURED,
				"Generate did not run: " + message, null);
	}

}
