package dev.migrate.index;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import javax.sql.DataSource;

import dev.migrate.Migration;
import dev.migrate.MigrationDefinitionException;
import dev.migrate.MigrationValidationException;
import dev.migrate.Migrator;
import dev.migrate.TransactionMode;
import dev.migrate.resolver.ClassFileCrc;
import dev.migrate.resolver.ClassFileSource;
import dev.migrate.testsupport.CompiledClasses;
import dev.migrate.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The index written by {@link MigrationIndexProcessor} at compile time and read by
 * {@link MigrationIndex}: sources compiled here with the processor, the engine built from
 * the index on H2.
 */
class MigrationIndexTests {

	// What a class with @Migration alone is annotated with, as Spring reads its class
	// file.
	private static final MigrationIndex.Annotations MIGRATION_ANNOTATIONS = new MigrationIndex.Annotations(
			List.of("dev.migrate.Migration"),
			Set.of("org.springframework.stereotype.Component", "org.springframework.stereotype.Indexed"));

	private static final MigrationIndex.Entry ADD_RINGS = new MigrationIndex.Entry(AddRings.class.getName(), "3",
			"Add rings", TransactionMode.DEFAULT, "rings-1", "ringsBean", MigrationIndex.Reversible.YES, "");

	// As an index written before the description was edited.
	private static final MigrationIndex.Entry STALE_ADD_RINGS = new MigrationIndex.Entry(AddRings.class.getName(), "3",
			"Add old rings", TransactionMode.DEFAULT, "rings-1", "ringsBean", MigrationIndex.Reversible.YES, "");

	@TempDir
	Path sources;

	@TempDir
	Path classes;

	private TestDatabase.@Nullable Isolated isolated;

	private DataSource dataSource;

	@BeforeEach
	void createDatabase() {
		TestDatabase.Isolated created = TestDatabase.H2.createIsolated();
		this.isolated = created;
		this.dataSource = created.dataSource();
	}

	@AfterEach
	void dropDatabase() {
		if (this.isolated != null) {
			this.isolated.close();
		}
	}

	@Test
	void theProcessorListsEveryMigrationClassWithItsAttributes() throws IOException {
		compile(planets("1"), moons(), "package idx; public class NotAMigration {}");

		MigrationIndex index = MigrationIndex.read(loader());

		assertThat(index).isNotNull();
		assertThat(index.entries()).containsExactly(
				new MigrationIndex.Entry("idx.AddMoons", "2", "Add\tmoons", TransactionMode.NONE, "", "moonsBean",
						MigrationIndex.Reversible.NO, "", MIGRATION_ANNOTATIONS),
				new MigrationIndex.Entry("idx.CreatePlanets", "1", "", TransactionMode.DEFAULT, "", "",
						MigrationIndex.Reversible.YES, "", MIGRATION_ANNOTATIONS));
		assertThat(index.entries().get(0).beanName()).isEqualTo("moonsBean");
		assertThat(index.entries().get(1).beanName()).isEqualTo("createPlanets");
	}

	@Test
	void anEngineBuiltFromTheIndexLoadsNoAppliedMigrationWhenNothingIsPending() throws IOException {
		compile(planets("1"), moons());
		migrator(loader()).migrate();
		assertThat(new JdbcTemplate(this.dataSource).queryForList("SELECT version FROM migrate_history", String.class))
			.containsExactlyInAnyOrder("1", "2");
		RecordingClassLoader later = loader();

		assertThat(migrator(later).migrate().executions()).isEmpty();

		assertThat(later.loaded).doesNotContain("idx.CreatePlanets", "idx.AddMoons");
	}

	@Test
	void withoutAnIndexThereIsNothingToRead() throws IOException {
		compileWithoutProcessor(planets("1"));

		assertThat(MigrationIndex.read(loader())).isNull();
	}

	@Test
	void aStaleIndexIsNotUsed() throws IOException {
		compile(planets("1"), moons());
		Files.delete(this.classes.resolve("idx/AddMoons.class"));

		assertThat(MigrationIndex.read(loader())).isNull();
	}

	@Test
	void anIndexInAJarIsCheckedAgainstTheJarsClassFiles() throws IOException {
		compile(planets("1"), moons());
		Path jar = jar("app.jar", "");

		try (RecordingClassLoader loader = loader(jar)) {
			MigrationIndex index = MigrationIndex.read(loader);
			assertThat(index).isNotNull();
			assertThat(index.entries()).extracting(MigrationIndex.Entry::className)
				.containsExactly("idx.AddMoons", "idx.CreatePlanets");
			// Looked up in the jar itself, not as a URL per class.
			assertThat(loader.resources).doesNotContain("idx/AddMoons.class", "idx/CreatePlanets.class");
		}
	}

	@Test
	void theClassFilesOfAnIndexInAJarAreReadFromTheJarItself() throws IOException {
		compile(planets("1"), moons());
		byte[] compiled = Files.readAllBytes(this.classes.resolve("idx/AddMoons.class"));
		Path jar = jar("app.jar", "");

		try (RecordingClassLoader loader = loader(jar)) {
			MigrationIndex index = MigrationIndex.read(loader);
			assertThat(index).isNotNull();
			assertThat(index.classFiles(loader).read("idx.AddMoons")).isEqualTo(compiled);
			assertThat(loader.resources).doesNotContain("idx/AddMoons.class");
			// A class the index does not list is read as the class loader finds it.
			assertThat(index.classFiles(loader).read("idx.Unlisted")).isNull();
			assertThat(loader.resources).contains("idx/Unlisted.class");
		}
	}

	@Test
	void anEngineBuiltFromAnIndexInAJarChecksTheAppliedMigrationsWithoutLoadingThem() throws IOException {
		compile(planets("1"), moons());
		Path jar = jar("app.jar", "");
		try (RecordingClassLoader loader = loader(jar)) {
			migrator(loader).migrate();
		}

		try (RecordingClassLoader later = loader(jar)) {
			assertThat(migrator(later).migrate().executions()).isEmpty();
			assertThat(later.loaded).doesNotContain("idx.CreatePlanets", "idx.AddMoons");
			assertThat(later.resources).doesNotContain("idx/CreatePlanets.class", "idx/AddMoons.class");
		}
	}

	@Test
	void aMigrationLoadedFromAnotherJarThanItsIndexIsRefusedWhenItsBeanIsCreated() throws IOException {
		compile(planets("1"), moons());
		Path jar = jar("app.jar", "");
		// Another class of the same name, earlier on the class path.
		compileWithoutProcessor(planets("1").replace("id INT", "id BIGINT"));
		Files.delete(this.classes.resolve(MigrationIndex.LOCATION));

		try (RecordingClassLoader loader = new RecordingClassLoader(
				new URL[] { this.classes.toUri().toURL(), jar.toUri().toURL() },
				MigrationIndexTests.class.getClassLoader())) {
			assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(() -> migrator(loader).migrate())
				.withMessageContaining(
						"bean 'createPlanets' (idx.CreatePlanets): the class loaded is not the class file"
								+ " that the index of migrations (" + MigrationIndex.LOCATION + ") lists beside it");
		}
		assertThat(new JdbcTemplate(this.dataSource).queryForObject(
				"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'PLANETS'", Integer.class))
			.isZero();
	}

	@Test
	void anIndexInASpringBootJarFindsTheClassesBelowBootInfClasses() throws IOException {
		compile(planets("1"), moons());
		Path jar = jar("boot.jar", "BOOT-INF/classes/");

		try (RecordingClassLoader loader = loader(jar)) {
			MigrationIndex index = MigrationIndex.read(loader);
			assertThat(index).isNotNull();
			assertThat(index.classFiles(loader).read("idx.CreatePlanets"))
				.isEqualTo(Files.readAllBytes(this.classes.resolve("idx/CreatePlanets.class")));
		}
	}

	@Test
	void theCrcOfAClassFileInAJarIsThatOfItsBytesWhereverItIsLookedUp() throws IOException {
		compile(planets("1"), moons());
		ClassFileCrc compiled = ClassFileCrc.of(Files.readAllBytes(this.classes.resolve("idx/AddMoons.class")));
		Path jar = jar("app.jar", "");
		Path bootJar = jar("boot.jar", "BOOT-INF/classes/");

		try (RecordingClassLoader loader = loader(jar); RecordingClassLoader bootLoader = loader(bootJar)) {
			MigrationIndex index = MigrationIndex.read(loader);
			MigrationIndex bootIndex = MigrationIndex.read(bootLoader);
			assertThat(index).isNotNull();
			assertThat(bootIndex).isNotNull();
			// From the jars' central directories, and through the class loader's URL.
			assertThat(index.classFiles(loader).crc("idx.AddMoons")).isEqualTo(compiled);
			assertThat(bootIndex.classFiles(bootLoader).crc("idx.AddMoons")).isEqualTo(compiled);
			assertThat(ClassFileSource.of(loader).crc("idx.AddMoons")).isEqualTo(compiled);
			assertThat(ClassFileSource.of(loader).crc("idx.Unlisted")).isNull();
			// Recorded by the jars: the check need not read them, nor spread over
			// threads.
			assertThat(index.classFiles(loader).recordsCrc("idx.AddMoons")).isTrue();
			assertThat(bootIndex.classFiles(bootLoader).recordsCrc("idx.AddMoons")).isTrue();
			// Unlisted, or through the class loader: not known without a look-up.
			assertThat(index.classFiles(loader).recordsCrc("idx.Unlisted")).isFalse();
			assertThat(ClassFileSource.of(loader).recordsCrc("idx.AddMoons")).isFalse();
		}
		MigrationIndex inDirectory = MigrationIndex.read(loader());
		assertThat(inDirectory).isNotNull();
		assertThat(inDirectory.classFiles(loader()).crc("idx.AddMoons")).isEqualTo(compiled);
		// In a directory, every class file is read.
		assertThat(inDirectory.classFiles(loader()).recordsCrc("idx.AddMoons")).isFalse();
	}

	@Test
	void theCrcOfAClassFileInAJarIsTheOneTheJarRecordsWithoutReadingTheClassFile() throws IOException {
		compile(planets("1"), moons());
		byte[] compiled = Files.readAllBytes(this.classes.resolve("idx/AddMoons.class"));
		Path jar = storedJar("app.jar");
		// The class file's bytes edited in the jar, as long as before, the CRC and length
		// recorded for its entry left as they were: only a CRC computed from the bytes
		// would see the edit.
		byte[] original = "CREATE TABLE moons (id INT)".getBytes(StandardCharsets.UTF_8);
		byte[] replacement = "CREATE TABLE MOONS (ID INT)".getBytes(StandardCharsets.UTF_8);
		byte[] edited = replaceOnce(compiled, original, replacement);
		Files.write(jar, replaceOnce(Files.readAllBytes(jar), original, replacement));
		ClassFileCrc recorded = ClassFileCrc.of(compiled);
		assertThat(ClassFileCrc.of(edited)).isNotEqualTo(recorded);
		try (JarFile file = new JarFile(jar.toFile())) {
			JarEntry entry = file.getJarEntry("idx/AddMoons.class");
			assertThat(ClassFileCrc.recordedFor(entry)).isEqualTo(recorded);
			// Not checked against the recorded CRC when read: the edit reads as it is.
			try (InputStream input = file.getInputStream(entry)) {
				assertThat(input.readAllBytes()).isEqualTo(edited);
			}
		}

		try (RecordingClassLoader loader = loader(jar)) {
			MigrationIndex index = MigrationIndex.read(loader);
			assertThat(index).isNotNull();
			// From the central directory of the index's own jar, not through the class
			// loader.
			assertThat(index.classFiles(loader).crc("idx.AddMoons")).isEqualTo(recorded);
			assertThat(loader.resources).doesNotContain("idx/AddMoons.class");
			// From the entry of the class loader's jar URL.
			assertThat(ClassFileSource.of(loader).crc("idx.AddMoons")).isEqualTo(recorded);
			// Whereas the bytes, read, are the edited ones.
			assertThat(index.classFiles(loader).read("idx.AddMoons")).isEqualTo(edited);
			assertThat(ClassFileSource.of(loader).read("idx.AddMoons")).isEqualTo(edited);
		}
	}

	@Test
	void aJarFileOpenedForAnUncachedConnectionIsClosedOnceItsCrcIsRead() throws IOException {
		compile(planets("1"), moons());
		ClassFileCrc compiled = ClassFileCrc.of(Files.readAllBytes(this.classes.resolve("idx/AddMoons.class")));
		Path jar = jar("app.jar", "");
		List<Boolean> closed = new ArrayList<>();
		// A jar connection whose jar file is its own, as when a server turns the cache of
		// jar connections off (Tomcat can, so that a redeployed jar is not locked).
		URLStreamHandler uncached = new URLStreamHandler() {

			@Override
			protected URLConnection openConnection(URL url) throws IOException {
				JarURLConnection connection = new JarURLConnection(url) {

					private @Nullable JarFile file;

					@Override
					public void connect() {
					}

					@Override
					public JarFile getJarFile() throws IOException {
						JarFile opened = this.file;
						if (opened == null) {
							opened = new JarFile(jar.toFile()) {

								@Override
								public void close() throws IOException {
									closed.add(true);
									super.close();
								}

							};
							this.file = opened;
						}
						return opened;
					}

				};
				connection.setUseCaches(false);
				return connection;
			}

		};
		ClassLoader loader = new ClassLoader(null) {

			@Override
			public @Nullable URL getResource(String name) {
				try {
					return new URL(null, "jar:" + jar.toUri() + "!/" + name, uncached);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}

		};

		assertThat(ClassFileSource.of(loader).crc("idx.AddMoons")).isEqualTo(compiled);
		assertThat(closed).containsExactly(true);
	}

	@Test
	void aMigrationInAJarEditedAfterItWasAppliedIsCaughtByMigrate() throws IOException {
		compile(planets("1"), moons());
		Path jar = jar("app.jar", "");
		try (RecordingClassLoader loader = loader(jar)) {
			migrator(loader).migrate();
		}
		long length = Files.size(this.classes.resolve("idx/CreatePlanets.class"));
		// Another table of a name as long: the class file keeps its length, not its CRC.
		compile(planets("1").replace("planets (id", "planetz (id"), moons());
		assertThat(Files.size(this.classes.resolve("idx/CreatePlanets.class"))).isEqualTo(length);
		Path edited = jar("edited.jar", "");

		try (RecordingClassLoader loader = loader(edited)) {
			assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> migrator(loader).migrate())
				.withMessageContaining(
						"Migration 1 (bean 'createPlanets', idx.CreatePlanets) was changed after it was applied");
		}
	}

	@Test
	void aStaleIndexInAJarIsNotUsed() throws IOException {
		compile(planets("1"), moons());
		Files.delete(this.classes.resolve("idx/AddMoons.class"));
		Path jar = jar("app.jar", "");

		try (RecordingClassLoader loader = loader(jar)) {
			assertThat(MigrationIndex.read(loader)).isNull();
		}
	}

	@Test
	void aMigrationEditedAfterIndexingIsCaughtByValidate() throws IOException {
		applyThenRecompileKeepingTheIndex(planets("7"));

		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(() -> migrator(loader()).validate())
			.withMessageContaining("idx.CreatePlanets")
			.withMessageContaining("the index of migrations (" + MigrationIndex.LOCATION
					+ ") lists it with @Migration(version = \"1\"), but the class has @Migration(version = \"7\")")
			.withMessageContaining("Rebuild the application, so that the index is written anew");
	}

	@Test
	void anAppliedMigrationWhoseAnnotationWasRemovedAfterIndexingFailsTheNextMigrate() throws IOException {
		applyThenRecompileKeepingTheIndex(planets("1").replace("@Migration(version = \"1\")", ""));

		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(() -> migrator(loader()).migrate())
			.withMessageContaining(
					"bean 'createPlanets' (idx.CreatePlanets): the index of migrations (" + MigrationIndex.LOCATION
							+ ") lists it as migration 1, but the class is not annotated with @Migration")
			.withMessageContaining("Rebuild the application, so that the index is written anew")
			.withMessageNotContaining("fingerprint");
	}

	@Test
	void anAppliedMigrationRecompiledUnchangedIsAcceptedAndItsNewClassFileRecorded() throws IOException {
		// Another class file (its line numbers moved), the same migration.
		applyThenRecompileKeepingTheIndex("\n\n" + planets("1"));
		String hashBefore = classHashOfVersion1();

		assertThat(migrator(loader()).migrate().executions()).isEmpty();

		assertThat(classHashOfVersion1()).isNotEqualTo(hashBefore);
		RecordingClassLoader later = loader();
		assertThat(migrator(later).migrate().executions()).isEmpty();
		assertThat(later.loaded).doesNotContain("idx.CreatePlanets", "idx.AddMoons");
	}

	@Test
	void anAppliedMigrationWhoseChangedClassCannotBeLoadedIsJudgedByItsClassFile() throws IOException {
		compile(migration("1", "CreatePlanets", "extends PlanetsBase"), planetsBase());
		Path index = this.classes.resolve(MigrationIndex.LOCATION);
		String indexed = Files.readString(index);
		migrator(loader()).migrate();
		String hashBefore = classHashOfVersion1();
		// Another class file (its line numbers moved) whose superclass is gone: it cannot
		// be loaded to be checked against its entry, and need not be to be vouched for.
		compileWithoutProcessor("\n\n" + migration("1", "CreatePlanets", "extends PlanetsBase"), planetsBase());
		Files.writeString(index, indexed);
		Files.delete(this.classes.resolve("idx/PlanetsBase.class"));

		assertThat(migrator(loader()).migrate().executions()).isEmpty();

		assertThat(classHashOfVersion1()).isNotEqualTo(hashBefore);
	}

	@Test
	void manyAppliedMigrationsCompiledAgainAreCheckedAgainstTheIndexOnEveryThread() throws IOException {
		// Enough changed class files for the check to read them in parallel.
		int count = 300;
		String[] sources = new String[count];
		for (int i = 0; i < count; i++) {
			sources[i] = migration(String.valueOf(i + 1), "CreateT" + (i + 1), "");
		}
		compile(sources);
		Path index = this.classes.resolve(MigrationIndex.LOCATION);
		String indexed = Files.readString(index);
		assertThat(migrator(loader()).migrate().executions()).hasSize(count);
		for (int i = 0; i < count; i++) {
			sources[i] = "\n\n" + migration(String.valueOf(i + 1), "CreateT" + (i + 1), "");
		}
		sources[count - 1] = sources[count - 1].replace("@Migration(version = \"" + count + "\")", "");
		compileWithoutProcessor(sources);
		Files.writeString(index, indexed);

		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(() -> migrator(loader()).migrate())
			.withMessageContaining("bean 'createT" + count + "' (idx.CreateT" + count + "): the index of migrations ("
					+ MigrationIndex.LOCATION + ") lists it as migration " + count
					+ ", but the class is not annotated with @Migration");
	}

	@Test
	void aMigrationWhoseCodeChangedAfterIndexingIsCaughtByValidate() throws IOException {
		applyThenRecompileKeepingTheIndex(planets("1").replace("id INT", "id BIGINT"));

		assertThat(migrator(loader()).validate().problems()).singleElement()
			.asString()
			.contains("Migration 1 (bean 'createPlanets', idx.CreatePlanets) was changed after it was applied");
	}

	@Test
	void aBeanOfTheClassTheIndexDescribesIsSuppliedAsItIs() {
		AddRings bean = new AddRings();

		assertThat(indexedBean(ADD_RINGS, bean)).isSameAs(bean);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Add old rings | rings-1 | ringsBean | description = "Add old rings" | description = "Add rings"
			Add rings     | rings-0 | ringsBean | checksum = "rings-0"          | checksum = "rings-1"
			Add rings     | rings-1 | oldRings  | beanName = "oldRings"         | beanName = "ringsBean"
			""")
	void aBeanWhoseAnnotationDiffersFromItsIndexEntryIsRefusedNamingTheAttribute(String description, String checksum,
			String beanAttribute, String indexed, String annotated) {
		MigrationIndex.Entry entry = new MigrationIndex.Entry(AddRings.class.getName(), "3", description,
				TransactionMode.DEFAULT, checksum, beanAttribute, MigrationIndex.Reversible.YES, "");

		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> indexedBean(entry, new AddRings()))
			.withMessageContaining("bean '" + entry.beanName() + "' (" + AddRings.class.getName()
					+ "): the index of migrations (" + MigrationIndex.LOCATION + ") lists it with @Migration(" + indexed
					+ "), but the class has @Migration(" + annotated + ")")
			.withMessageContaining("Rebuild the application, so that the index is written anew");
	}

	@Test
	void everyAttributeThatDiffersIsNamedInTheAnnotationsOrder() {
		MigrationIndex.Entry entry = new MigrationIndex.Entry(AddRings.class.getName(), "3.0", "Add old rings",
				TransactionMode.NONE, "", "oldRings", MigrationIndex.Reversible.YES, "orders");

		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> indexedBean(entry, new AddRings()))
			.withMessageContaining("lists it with @Migration(description = \"Add old rings\", transaction = NONE,"
					+ " checksum = \"\", beanName = \"oldRings\", database = \"orders\"), but the class has"
					+ " @Migration(description = \"Add rings\", transaction = DEFAULT, checksum = \"rings-1\","
					+ " beanName = \"ringsBean\", database = \"\")");
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void aProxiedBeanIsCheckedAsItsTargetsClass(boolean proxyTargetClass) {
		AddRings target = new AddRings();
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(proxyTargetClass);
		Object proxy = factory.getProxy(getClass().getClassLoader());
		assertThat(AopUtils.isCglibProxy(proxy)).isEqualTo(proxyTargetClass);

		assertThat(indexedBean(ADD_RINGS, proxy)).isSameAs(proxy);
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> indexedBean(STALE_ADD_RINGS, proxy))
			.withMessageContaining("bean 'ringsBean' (" + AddRings.class.getName() + ")")
			.withMessageContaining("lists it with @Migration(description = \"Add old rings\")");
	}

	@Test
	void aBeanOfAnotherClassIsLeftToTheEngineToName() {
		Object other = new Object();

		assertThat(indexedBean(STALE_ADD_RINGS, other)).isSameAs(other);
	}

	@Test
	void indexTextRoundTripsEveryAttribute() {
		MigrationIndex.Entry entry = new MigrationIndex.Entry("a.B$C", "1.2", "tab\tnew\nline back\\slash",
				TransactionMode.ALL, "v2", "", MigrationIndex.Reversible.UNKNOWN, "orders",
				new MigrationIndex.Annotations(List.of("dev.migrate.Migration", "a.Marks$Inner"),
						Set.of("org.springframework.stereotype.Component")));

		assertThat(MigrationIndex.parse(MigrationIndex.format(List.of(entry)))).containsExactly(entry);
	}

	@Test
	void anEntryWhoseAnnotationsAreNotKnownRoundTrips() {
		MigrationIndex.Entry entry = new MigrationIndex.Entry("a.B", "1", "Create b", TransactionMode.DEFAULT, "", "",
				MigrationIndex.Reversible.YES, "");

		assertThat(MigrationIndex.parse(MigrationIndex.format(List.of(entry)))).containsExactly(entry)
			.allSatisfy((parsed) -> assertThat(parsed.annotations()).isNull());
	}

	@Test
	void anIndexOfTheFirstFormatReadsWithThePrimaryDatabase() {
		String written = MigrationIndex.HEADER_1 + "\na.B\t1\tCreate b\tDEFAULT\t\t\tYES\n";

		assertThat(MigrationIndex.parse(written)).containsExactly(new MigrationIndex.Entry("a.B", "1", "Create b",
				TransactionMode.DEFAULT, "", "", MigrationIndex.Reversible.YES, ""));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "javac", "ecj" })
	void theProcessorTellsADownMethodInheritedFromASuperclassOrAnInterfacesDefault(String compiler) throws IOException {
		compileWith(compiler, """
				package idx;

				import org.springframework.jdbc.core.JdbcTemplate;

				public abstract class Reversible {
					public void down(JdbcTemplate jdbc) {
					}
				}
				""", """
				package idx;

				public abstract class Helpers extends Reversible {
				}
				""", """
				package idx;

				import org.springframework.jdbc.core.JdbcTemplate;

				public interface Undoes {
					default void down(JdbcTemplate jdbc) {
					}
				}
				""", """
				package idx;

				public interface UndoesToo extends Undoes {
				}
				""", """
				package idx;

				public interface Marker {
					static void down() {
					}
				}
				""", """
				package idx;

				public abstract class Plain implements Runnable {
					public void run() {
					}

					static void down() {
					}
				}
				""", migration("1", "FromASuperclass", "extends Helpers"),
				migration("2", "FromAnInterface", "implements UndoesToo"),
				migration("3", "WithNone", "extends Plain implements java.io.Serializable, Marker"));

		MigrationIndex index = MigrationIndex.read(loader());

		assertThat(index).isNotNull();
		assertThat(index.entries()).extracting(MigrationIndex.Entry::className, MigrationIndex.Entry::reversible)
			.containsExactly(tuple("idx.FromASuperclass", MigrationIndex.Reversible.YES),
					tuple("idx.FromAnInterface", MigrationIndex.Reversible.YES),
					tuple("idx.WithNone", MigrationIndex.Reversible.NO));
	}

	@ParameterizedTest(name = "{0} or {1} is {2}")
	@CsvSource(textBlock = """
			YES, , YES
			NO, YES, YES
			NO, NO, NO
			NO, UNKNOWN, UNKNOWN
			UNKNOWN, YES, YES
			UNKNOWN, NO, UNKNOWN
			UNKNOWN, UNKNOWN, UNKNOWN
			""")
	void aClassHasADownMethodIfItOrASupertypeHasOne(MigrationIndex.Reversible own,
			MigrationIndex.@Nullable Reversible supertypes, MigrationIndex.Reversible both) {
		assertThat(own.or(() -> {
			assertThat(supertypes).as("asked only while the class has none of its own").isNotNull();
			return supertypes;
		})).isEqualTo(both);
	}

	@Test
	void appliedMigrationsWithSupertypesAreNotLoadedWhenNothingIsPending() throws IOException {
		compile("""
				package idx;

				public abstract class Base {
				}
				""", migration("1", "OnABase", "extends Base"),
				migration("2", "WithAnInterface", "implements java.io.Serializable"));
		assertThat(migrator(loader()).migrate().executions()).hasSize(2);
		RecordingClassLoader later = loader();

		assertThat(migrator(later).migrate().executions()).isEmpty();

		assertThat(later.loaded).doesNotContain("idx.OnABase", "idx.WithAnInterface", "idx.Base");
	}

	@Test
	void aMigrationWhoseBeanIsResolvedIsReversibleAsItsMethodsSayWhateverItsEntrySays() throws IOException {
		compile(planets("1"));
		// As an index written before a supertype gained the down method would have it.
		Path index = this.classes.resolve(MigrationIndex.LOCATION);
		Files.writeString(index, Files.readString(index).replace("\tYES\t", "\tNO\t"));
		assertThat(MigrationIndex.read(loader()).entries()).extracting(MigrationIndex.Entry::reversible)
			.containsExactly(MigrationIndex.Reversible.NO);
		Migrator migrator = migrator(loader());
		migrator.migrate();

		assertThat(migrator.rollback(1).executions()).hasSize(1);

		assertThat(new JdbcTemplate(this.dataSource).queryForList("SELECT status FROM migrate_history", String.class))
			.containsExactly("ROLLED_BACK");
	}

	@Test
	void theProcessorListsTheDatabaseAMigrationNames() throws IOException {
		compile("""
				package idx;

				@dev.migrate.Migration(version = "1", database = "orders")
				public class CreateOrders {
					public void up(org.springframework.jdbc.core.JdbcTemplate jdbc) {
					}
				}
				""");

		MigrationIndex index = MigrationIndex.read(loader());

		assertThat(index).isNotNull();
		assertThat(index.entries()).extracting(MigrationIndex.Entry::database).containsExactly("orders");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "javac", "ecj" })
	void theProcessorListsTheAnnotationsOfEachClassAsSpringReadsThemFromItsClassFile(String compiler)
			throws IOException {
		compileWith(compiler, """
				package idx;

				import java.lang.annotation.*;

				public class Marks {

					@Retention(RetentionPolicy.RUNTIME)
					public @interface Audited {
					}

					@Retention(RetentionPolicy.CLASS)
					public @interface BuildOnly {
					}

					@Retention(RetentionPolicy.RUNTIME)
					@Audited
					@Documented
					public @interface Reviewed {
					}

					@Retention(RetentionPolicy.RUNTIME)
					@Pong
					public @interface Ping {
					}

					@Retention(RetentionPolicy.RUNTIME)
					@Ping
					public @interface Pong {
					}

					@Retention(RetentionPolicy.RUNTIME)
					@Repeatable(Notes.class)
					public @interface Note {
						String value();
					}

					@Retention(RetentionPolicy.RUNTIME)
					public @interface Notes {
						Note[] value();
					}

				}
				""", """
				package idx;

				@dev.migrate.Migration(version = "1")
				public class Plain {
					public void up(org.springframework.jdbc.core.JdbcTemplate jdbc) {
					}
				}
				""", """
				package idx;

				@Deprecated
				@SuppressWarnings("all")
				@Marks.BuildOnly
				@Marks.Reviewed
				@dev.migrate.Migration(version = "2")
				@org.springframework.context.annotation.Lazy
				@org.springframework.context.annotation.Profile("prod")
				public class Composed {
					public void up(org.springframework.jdbc.core.JdbcTemplate jdbc) {
					}
				}
				""", """
				package idx;

				@Marks.Ping
				@Marks.Note("a")
				@Marks.Note("b")
				@Marks.Reviewed
				@dev.migrate.Migration(version = "3")
				@org.springframework.stereotype.Component("cyclic")
				public class Cyclic {
					public void up(org.springframework.jdbc.core.JdbcTemplate jdbc) {
					}
				}
				""");

		try (RecordingClassLoader classLoader = loader()) {
			MigrationIndex index = MigrationIndex.read(classLoader);
			assertThat(index).isNotNull();
			assertThat(index.entries()).hasSize(3);
			SimpleMetadataReaderFactory parser = new SimpleMetadataReaderFactory(classLoader);
			for (MigrationIndex.Entry entry : index.entries()) {
				MigrationIndex.Annotations annotations = entry.annotations();
				assertThat(annotations).isNotNull();
				AnnotationMetadata parsed = parser.getMetadataReader(entry.className()).getAnnotationMetadata();
				assertThat(annotations.declared()).as(entry.className())
					.containsExactlyElementsOf(parsed.getAnnotationTypes());
				Set<String> names = new TreeSet<>(
						List.of("idx.Marks$BuildOnly", "java.lang.Deprecated", "java.lang.annotation.Documented",
								"java.lang.annotation.Retention", "idx.Marks$Note", "idx.Unknown"));
				names.addAll(annotations.declared());
				names.addAll(annotations.meta());
				parsed.getAnnotations().stream().forEach((annotation) -> names.add(annotation.getType().getName()));
				for (String name : names) {
					assertThat(annotations.isPresent(name)).as("%s is annotated with %s", entry.className(), name)
						.isEqualTo(parsed.isAnnotated(name));
					assertThat(annotations.isDeclared(name)).as("%s declares %s", entry.className(), name)
						.isEqualTo(parsed.hasAnnotation(name));
					assertThat(annotations.isMetaPresent(name))
						.as("%s is meta-annotated with %s", entry.className(), name)
						.isEqualTo(parsed.hasMetaAnnotation(name));
				}
			}
			assertThat(index.entries()).filteredOn((entry) -> entry.className().equals("idx.Cyclic"))
				.singleElement()
				.satisfies((entry) -> assertThat(entry.annotations()).satisfies((annotations) -> {
					assertThat(annotations.declared()).containsExactly("idx.Marks$Ping", "idx.Marks$Notes",
							"idx.Marks$Reviewed", "dev.migrate.Migration", "org.springframework.stereotype.Component");
					assertThat(annotations.meta())
						.contains("idx.Marks$Pong", "idx.Marks$Audited", "org.springframework.stereotype.Component")
						.doesNotContain("idx.Marks$Ping");
				}));
		}
	}

	@Test
	void anIndexOfTheSecondFormatReadsWithoutTheAnnotations() {
		String written = MigrationIndex.HEADER_2 + "\na.B\t1\tCreate b\tDEFAULT\t\t\tYES\torders\n";

		assertThat(MigrationIndex.parse(written))
			.containsExactly(new MigrationIndex.Entry("a.B", "1", "Create b", TransactionMode.DEFAULT, "", "",
					MigrationIndex.Reversible.YES, "orders"))
			.allSatisfy((entry) -> assertThat(entry.annotations()).isNull());
	}

	private Migrator migrator(ClassLoader classLoader) {
		MigrationIndex index = MigrationIndex.read(classLoader);
		assertThat(index).isNotNull();
		return Migrator.builder(this.dataSource)
			.migrationSources(index.sources(classLoader, MigrationIndex::instantiate))
			.build();
	}

	/**
	 * Apply {@code planets("1")} and {@code moons()}, compiled with the processor, then
	 * compile a source again without it and put the index back as it was: what an IDE's
	 * incremental compile leaves.
	 */
	private void applyThenRecompileKeepingTheIndex(String source) throws IOException {
		compile(planets("1"), moons());
		Path index = this.classes.resolve(MigrationIndex.LOCATION);
		String indexed = Files.readString(index);
		migrator(loader()).migrate();
		compileWithoutProcessor(source);
		Files.writeString(index, indexed);
	}

	private @Nullable String classHashOfVersion1() {
		return new JdbcTemplate(this.dataSource)
			.queryForObject("SELECT class_hash FROM migrate_history WHERE version = '1'", String.class);
	}

	private static Object indexedBean(MigrationIndex.Entry entry, Object bean) {
		ClassFileSource classFiles = ClassFileSource.of(MigrationIndexTests.class.getClassLoader());
		return MigrationIndex.source(entry, entry.beanName(), classFiles, () -> bean).bean().get();
	}

	private static String planets(String version) {
		return """
				package idx;

				import dev.migrate.Migration;
				import org.springframework.jdbc.core.JdbcTemplate;

				@Migration(version = "%s")
				public class CreatePlanets {

					public void up(JdbcTemplate jdbc) {
						jdbc.execute("CREATE TABLE planets (id INT)");
					}

					public void down(JdbcTemplate jdbc) {
						jdbc.execute("DROP TABLE planets");
					}

				}
				""".formatted(version);
	}

	/**
	 * A migration {@code idx.<name>} creating table {@code t_<version>}, with a supertype
	 * clause.
	 */
	private static String migration(String version, String name, String supertypes) {
		return """
				package idx;

				import dev.migrate.Migration;
				import org.springframework.jdbc.core.JdbcTemplate;

				@Migration(version = "%s")
				public class %s %s {
					public void up(JdbcTemplate jdbc) {
						jdbc.execute("CREATE TABLE t_%1$s (id INT)");
					}
				}
				""".formatted(version, name, supertypes);
	}

	private static String planetsBase() {
		return """
				package idx;

				public class PlanetsBase {

				}
				""";
	}

	private static String moons() {
		return """
				package idx;

				import dev.migrate.Migration;
				import dev.migrate.TransactionMode;
				import org.springframework.jdbc.core.JdbcTemplate;

				@Migration(version = "2", description = "Add\\tmoons", transaction = TransactionMode.NONE,
						beanName = "moonsBean")
				public class AddMoons {

					public void up(JdbcTemplate jdbc) {
						jdbc.execute("CREATE TABLE moons (id INT)");
					}

				}
				""";
	}

	private void compile(String... sources) throws IOException {
		compile(true, sources);
	}

	private void compileWith(String compiler, String... sources) throws IOException {
		if (compiler.equals("ecj")) {
			CompiledClasses.compileWithEcj(this.sources, this.classes, sources);
		}
		else {
			compile(sources);
		}
	}

	private void compileWithoutProcessor(String... sources) throws IOException {
		compile(false, sources);
	}

	private void compile(boolean withProcessor, String... sources) throws IOException {
		CompiledClasses.compile(this.sources, this.classes, withProcessor, sources);
	}

	/**
	 * The compiled classes as a jar: the index at its root, the class files below a
	 * prefix (empty, or {@code BOOT-INF/classes/} as Spring Boot lays them out).
	 */
	private Path jar(String name, String classesPrefix) throws IOException {
		return CompiledClasses.jar(this.classes, this.sources.resolve(name), classesPrefix);
	}

	/**
	 * The compiled classes as a jar of stored entries, not deflated: each file's bytes
	 * are in the jar as they are, and its CRC and length are recorded both before them
	 * and in the central directory.
	 */
	private Path storedJar(String name) throws IOException {
		Path jar = this.sources.resolve(name);
		try (JarOutputStream output = new JarOutputStream(Files.newOutputStream(jar));
				Stream<Path> files = Files.walk(this.classes)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				byte[] bytes = Files.readAllBytes(file);
				CRC32 crc = new CRC32();
				crc.update(bytes);
				JarEntry entry = new JarEntry(this.classes.relativize(file).toString().replace('\\', '/'));
				entry.setMethod(ZipEntry.STORED);
				entry.setSize(bytes.length);
				entry.setCompressedSize(bytes.length);
				entry.setCrc(crc.getValue());
				output.putNextEntry(entry);
				output.write(bytes);
				output.closeEntry();
			}
		}
		return jar;
	}

	/**
	 * The bytes with the one occurrence of a sequence replaced by another as long.
	 */
	private static byte[] replaceOnce(byte[] bytes, byte[] sequence, byte[] replacement) {
		List<Integer> found = new ArrayList<>();
		for (int i = 0; i + sequence.length <= bytes.length; i++) {
			if (Arrays.equals(bytes, i, i + sequence.length, sequence, 0, sequence.length)) {
				found.add(i);
			}
		}
		assertThat(found).hasSize(1);
		byte[] replaced = bytes.clone();
		System.arraycopy(replacement, 0, replaced, found.get(0), replacement.length);
		return replaced;
	}

	private RecordingClassLoader loader(Path jar) throws IOException {
		return new RecordingClassLoader(new URL[] { jar.toUri().toURL() }, MigrationIndexTests.class.getClassLoader());
	}

	private RecordingClassLoader loader() throws IOException {
		return new RecordingClassLoader(new URL[] { this.classes.toUri().toURL() },
				MigrationIndexTests.class.getClassLoader());
	}

	/**
	 * Records the classes it is asked to load.
	 */
	static final class RecordingClassLoader extends URLClassLoader {

		final Set<String> loaded = ConcurrentHashMap.newKeySet();

		final Set<String> resources = ConcurrentHashMap.newKeySet();

		RecordingClassLoader(URL[] urls, ClassLoader parent) {
			super(urls, parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			this.loaded.add(name);
			return super.loadClass(name, resolve);
		}

		@Override
		public @Nullable URL getResource(String name) {
			this.resources.add(name);
			// The compiled classes first: the parent may hold an index of its own.
			URL own = findResource(name);
			return (own != null) ? own : super.getResource(name);
		}

		@Override
		public java.util.Enumeration<URL> getResources(String name) throws IOException {
			return findResources(name);
		}

	}

	/**
	 * A migration that implements an interface, so that it can be proxied either way.
	 */
	@Migration(version = "3", description = "Add rings", checksum = "rings-1", beanName = "ringsBean")
	public static class AddRings implements Supplier<String> {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rings (id INT)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rings");
		}

		@Override
		public String get() {
			return "rings";
		}

	}

}
