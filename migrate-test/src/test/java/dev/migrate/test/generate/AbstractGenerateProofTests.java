package dev.migrate.test.generate;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.migrate.Migrator;
import dev.migrate.generate.EntityModel;
import dev.migrate.generate.GeneratedMigration;
import dev.migrate.generate.MigrationGenerator;
import dev.migrate.generate.SchemaComparator;
import dev.migrate.generate.SchemaDifference;
import dev.migrate.generate.SchemaDifference.Kind;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.test.DriftCheck;
import dev.migrate.test.ReversibilityVerifier;
import dev.migrate.testsupport.TestDatabase;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.NestedRuntimeException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proof that generated migrations are right, on one database; one subclass per database.
 * Each scenario starts from a migration that matches one set of entities (itself
 * generated from an empty database), changes the entities, generates the next migration,
 * compiles it with {@code javax.tools}, applies it, then checks that Hibernate validates
 * the schema, that the drift check finds nothing, and that the reversibility verifier
 * proves every {@code down} undoes its {@code up}.
 */
abstract class AbstractGenerateProofTests {

	static final List<Class<?>> BEFORE = List.of(dev.migrate.test.generate.before.Customer.class,
			dev.migrate.test.generate.before.Address.class, dev.migrate.test.generate.before.Purchase.class,
			dev.migrate.test.generate.before.Tag.class);

	static final List<Class<?>> AFTER = List.of(dev.migrate.test.generate.after.Customer.class,
			dev.migrate.test.generate.after.Address.class, dev.migrate.test.generate.after.Purchase.class,
			dev.migrate.test.generate.after.Tag.class, dev.migrate.test.generate.after.Invoice.class);

	static final List<Class<?>> REMOVED = List.of(dev.migrate.test.generate.removed.Customer.class,
			dev.migrate.test.generate.removed.Address.class, dev.migrate.test.generate.removed.Purchase.class,
			dev.migrate.test.generate.removed.Tag.class);

	private final List<TestDatabase.Isolated> databases = new ArrayList<>();

	@TempDir
	@Nullable Path sources;

	abstract TestDatabase database();

	/**
	 * What removing a unique constraint that {@code @Column(unique = true)} created
	 * amounts to on this database.
	 */
	Kind uniqueRemoval() {
		return Kind.REMOVED_UNIQUE_CONSTRAINT;
	}

	@AfterEach
	void dropDatabases() {
		this.databases.forEach(TestDatabase.Isolated::close);
	}

	@Test
	void newTablesWithIdentitySequenceUniqueIndexForeignKeysJoinAndCollectionTablesAndEmbeddedColumns()
			throws Exception {
		Scenario scenario = run(List.of(), BEFORE, false);
		assertThat(scenario.kinds()).contains(Kind.NEW_TABLE, Kind.NEW_SEQUENCE, Kind.NEW_FOREIGN_KEY);
		assertThat(scenario.descriptions()).contains("new table customer", "new table customer_tag",
				"new table customer_nickname", "new table purchase", "new table tag", "new sequence purchase_seq");
		assertThat(scenario.migration().source()).contains("street", "city", "customer_name_idx");
	}

	@Test
	void addedAndChangedColumnsForeignKeyUniqueIndexAndSequence() throws Exception {
		Scenario scenario = run(BEFORE, AFTER, false);
		assertThat(scenario.descriptions()).contains("new column customer.phone", "new column customer.zip",
				"new column purchase.referrer_id", "new table invoice", "new sequence invoice_seq",
				"changed column customer.name: length 100 -> 200", "changed column customer.notes: now NOT NULL",
				"changed column purchase.amount: precision and scale (10,2) -> (12,3)");
		assertThat(scenario.descriptions()).anyMatch((text) -> text.startsWith("changed column customer.visits: type"));
		assertThat(scenario.kinds()).contains(Kind.NEW_FOREIGN_KEY, Kind.NEW_UNIQUE_CONSTRAINT, Kind.NEW_INDEX);
		assertThat(scenario.differences()).noneMatch(SchemaDifference::dataLoss);
	}

	@Test
	void removedColumnsTableSequenceForeignKeyUniqueIndexNarrowingAndRenameAreDataLossCommentedOut() throws Exception {
		Scenario scenario = run(AFTER, REMOVED, true);
		assertThat(scenario.descriptions()).contains("removed column customer.notes", "removed column customer.zip",
				"removed column purchase.referrer_id", "removed table invoice", "removed sequence invoice_seq",
				"new column tag.title", "removed column tag.label", "changed column customer.name: length 200 -> 100");
		assertThat(scenario.kinds()).contains(Kind.REMOVED_FOREIGN_KEY, Kind.REMOVED_INDEX);
		// A unique constraint declared inline has the name the database gave it: H2's
		// changes each time, so it cannot be dropped by name and is left to the user.
		assertThat(scenario.descriptions()).contains("removed unique constraint on customer(phone)");
		assertThat(scenario.differences())
			.filteredOn((difference) -> difference.description().equals("removed unique constraint on customer(phone)"))
			.allSatisfy((difference) -> assertThat(difference.kind()).isEqualTo(uniqueRemoval()));
		assertThat(scenario.migration().source()).contains("// DATA LOSS: removed column customer.notes")
			.contains("// jdbc.execute(\"alter table customer drop column notes\");")
			.contains("if label was renamed to title");
	}

	@Test
	void nothingToGenerateWhenTheMigrationsMatchTheEntities() throws Exception {
		DataSource dataSource = newDatabase();
		Object baseline = compile(generate(dataSource, BEFORE, List.of()), false);
		migrator(dataSource, List.of(baseline)).migrate();
		assertThat(differences(dataSource, BEFORE)).isEmpty();
	}

	private Scenario run(List<Class<?>> from, List<Class<?>> to, boolean decideDataLoss) throws Exception {
		DataSource dataSource = newDatabase();
		List<Object> migrations = new ArrayList<>();
		if (!from.isEmpty()) {
			migrations.add(compile(generate(dataSource, from, migrations), false));
			migrator(dataSource, migrations).migrate();
			assertThat(differences(dataSource, from)).as("the baseline matches its entities").isEmpty();
		}
		GeneratedMigration next = generate(dataSource, to, migrations);
		assertThat(next.differences()).as("something to generate").isNotEmpty();
		migrations.add(compile(next, decideDataLoss));
		migrator(dataSource, migrations).migrate();
		validate(dataSource, to);
		// What could not be generated is still reported, and nothing else.
		List<String> unsupported = next.differences()
			.stream()
			.filter((difference) -> !difference.isSupported())
			.map(SchemaDifference::description)
			.toList();
		assertThat(differences(dataSource, to)).as("after applying\n%s", next.source())
			.extracting(SchemaDifference::description)
			.containsExactlyElementsOf(unsupported);
		assertThat(DriftCheck.of(newDatabase(), migrations, to).differences()).as("drift check")
			.extracting(SchemaDifference::description)
			.containsExactlyElementsOf(unsupported);
		// As generated, with what loses data still commented out, every down undoes its
		// up. Once uncommented, a dropped column comes back last: the verifier would
		// rightly report the column order, which no portable statement restores.
		List<Object> asGenerated = new ArrayList<>(migrations);
		if (decideDataLoss) {
			asGenerated.set(asGenerated.size() - 1, compile(next, false));
		}
		ReversibilityVerifier.of(newDatabase(), asGenerated).verify();
		return new Scenario(next);
	}

	private DataSource newDatabase() {
		TestDatabase.Isolated database = database().createIsolated();
		this.databases.add(database);
		return database.dataSource();
	}

	private static Migrator migrator(DataSource dataSource, List<Object> migrations) {
		return Migrator.builder(dataSource).migrations(migrations).build();
	}

	private static List<SchemaDifference> differences(DataSource dataSource, List<Class<?>> entities) {
		try (EntityModel model = EntityModel.of(dataSource, entities)) {
			return SchemaComparator.compare(model.metadata(), dataSource, null, SchemaSnapshot.DEFAULT_EXCLUDED_TABLES);
		}
	}

	private GeneratedMigration generate(DataSource dataSource, List<Class<?>> entities, List<Object> existing) {
		String version = String.valueOf(existing.size() + 1);
		try (EntityModel model = EntityModel.of(dataSource, entities)) {
			List<SchemaDifference> differences = SchemaComparator.compare(model.metadata(), dataSource, null,
					SchemaSnapshot.DEFAULT_EXCLUDED_TABLES);
			return MigrationGenerator.generate(differences, "proof.v" + version, "Generated" + version, version);
		}
	}

	/** Hibernate's own schema validation of the entities against the database. */
	private static void validate(DataSource dataSource, List<Class<?>> entities) {
		Map<String, Object> settings = new HashMap<>();
		settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
		settings.put(AvailableSettings.HBM2DDL_AUTO, "validate");
		StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
		try {
			MetadataSources sources = new MetadataSources(registry);
			entities.forEach(sources::addAnnotatedClass);
			try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
				assertThat(factory.isOpen()).isTrue();
			}
		}
		finally {
			StandardServiceRegistryBuilder.destroy(registry);
		}
	}

	/**
	 * Compile the generated source as a user's build would and instantiate it; with
	 * {@code decideDataLoss}, first uncomment the statements marked DATA LOSS, as a
	 * person who decided they may run would.
	 */
	private Object compile(GeneratedMigration migration, boolean decideDataLoss) throws Exception {
		Path root = Files.createTempDirectory(this.sources, "src");
		String source = decideDataLoss ? uncommentDataLoss(migration.source()) : migration.source();
		Path file = root.resolve(migration.file(Path.of("")).toString());
		Files.createDirectories(file.getParent());
		Files.writeString(file, source);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		String classPath = List
			.of(dev.migrate.Migration.class, JdbcTemplate.class, InitializingBean.class, NestedRuntimeException.class,
					org.springframework.dao.DataAccessException.class, Nullable.class)
			.stream()
			.map(AbstractGenerateProofTests::location)
			.distinct()
			.collect(Collectors.joining(java.io.File.pathSeparator));
		int result = compiler.run(null, null, null, "-proc:none", "-classpath", classPath, "-d", root.toString(),
				file.toString());
		assertThat(result).as("compiles:\n%s", source).isZero();
		URLClassLoader loader = new URLClassLoader(new URL[] { root.toUri().toURL() }, getClass().getClassLoader());
		var constructor = loader.loadClass(migration.packageName() + "." + migration.className())
			.getDeclaredConstructor();
		constructor.setAccessible(true);
		return constructor.newInstance();
	}

	private static String location(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String uncommentDataLoss(String source) {
		return source.replaceAll("(?m)^(\\t\\t)// (jdbc\\.execute|\\t\\t)", "$1$2");
	}

	record Scenario(GeneratedMigration migration) {

		List<SchemaDifference> differences() {
			return this.migration.differences();
		}

		List<Kind> kinds() {
			return differences().stream().map(SchemaDifference::kind).toList();
		}

		List<String> descriptions() {
			return differences().stream().map(SchemaDifference::description).toList();
		}

	}

}
