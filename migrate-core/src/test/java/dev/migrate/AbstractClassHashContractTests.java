package dev.migrate;

import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import dev.migrate.resolver.ClassFileCrc;
import dev.migrate.resolver.ClassFileSource;
import dev.migrate.resolver.Fingerprinter;
import dev.migrate.resolver.MigrationSource;
import dev.migrate.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The class hash recorded next to each checksum: a start recognizes an unchanged class
 * file by it without fingerprinting it again, while an edited migration, a checksum
 * edited in the history and a class compiled anew are each told apart; a history table
 * created before the column existed gets it, and its rows their hashes, on the next
 * migrate.
 */
abstract class AbstractClassHashContractTests {

	private static final String HISTORY = "migrate_history";

	private TestDatabase.@Nullable Isolated isolated;

	private DataSource dataSource;

	private JdbcTemplate jdbc;

	protected abstract TestDatabase database();

	@BeforeEach
	void createDatabase() {
		TestDatabase.Isolated created = database().createIsolated();
		this.isolated = created;
		this.dataSource = created.dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@AfterEach
	void dropDatabase() {
		if (this.isolated != null) {
			this.isolated.close();
		}
	}

	@Test
	void eachAppliedMigrationIsRecordedWithTheHashOfItsClassFile() {
		migrator(source(ClassHashMigrations.CreatePlanets.class, "1", original()),
				source(ClassHashMigrations.CreateMoons.class, "2", original()))
			.migrate();

		assertThat(classHashes()).hasSize(2).allSatisfy((hash) -> assertThat(hash).matches("[0-9a-f]{24}"));
		assertThat(migrator(source(ClassHashMigrations.CreatePlanets.class, "1", original()),
				source(ClassHashMigrations.CreateMoons.class, "2", original()))
			.validate()
			.isValid()).isTrue();
	}

	@Test
	void aMigrationEditedAfterItWasAppliedIsStillCaught() {
		migrator(source(ClassHashMigrations.CreatePlanets.class, "1", original())).migrate();
		MigrationSource edited = new MigrationSource("createPlanets",
				ClassHashMigrations.CreatePlanetsEdited.class.getName(), "1", "", TransactionMode.DEFAULT, "", true,
				original(), ClassHashMigrations.CreatePlanetsEdited::new);

		assertThat(migrator(edited).validate().problems()).singleElement()
			.asString()
			.contains("was changed after it was applied");
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> migrator(edited).migrate())
			.withMessageContaining("was changed after it was applied");
	}

	@Test
	void aChecksumEditedInTheHistoryIsCaughtAlthoughTheClassFileIsUnchanged() {
		migrator(source(ClassHashMigrations.CreatePlanets.class, "1", original())).migrate();
		this.jdbc.update("UPDATE " + HISTORY + " SET checksum = 'b1:00000000000000000000000000000000'");

		assertThat(migrator(source(ClassHashMigrations.CreatePlanets.class, "1", original())).validate().problems())
			.singleElement()
			.asString()
			.contains("checksum b1:00000000000000000000000000000000 in the history");
	}

	@Test
	void aClassCompiledAnewWithTheSameCodePassesAndItsHashIsRecorded() {
		migrator(source(ClassHashMigrations.CreatePlanets.class, "1", original())).migrate();
		String checksum = checksums().get(0);
		String hash = classHashes().get(0);
		// Other bytes, the same code: the class file without its debug information.
		Migrator recompiled = migrator(source(ClassHashMigrations.CreatePlanets.class, "1", withoutDebugInfo()));

		assertThat(recompiled.validate().isValid()).isTrue();
		assertThat(recompiled.migrate().executions()).isEmpty();

		assertThat(checksums()).containsExactly(checksum);
		assertThat(classHashes()).singleElement().isNotEqualTo(hash);
		assertThat(recompiled.validate().isValid()).isTrue();
	}

	@Test
	void aClassFileWhoseHashIsRecordedIsNotFingerprintedAgain() {
		migrator(source(ClassHashMigrations.CreatePlanets.class, "1", original())).migrate();
		// Bytes the fingerprinter cannot read, recorded as the class file of the
		// checksum:
		// only the class hash can find them unchanged.
		byte[] unreadable = "not a class file".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		this.jdbc.update("UPDATE " + HISTORY + " SET class_hash = ?",
				Fingerprinter.classHash(checksums().get(0), ClassFileCrc.of(unreadable)));
		Migrator migrator = migrator(source(ClassHashMigrations.CreatePlanets.class, "1", (className) -> unreadable));

		assertThat(migrator.migrate().executions()).isEmpty();
		assertThat(migrator.info().migrations()).extracting((info) -> info.version() + ":" + info.state())
			.containsExactly("1:APPLIED");
	}

	@Test
	void aHistoryTableWithoutTheColumnGetsItAndTheHashesOnTheNextMigrate() {
		migrator(source(ClassHashMigrations.CreatePlanets.class, "1", original())).migrate();
		this.jdbc.execute("ALTER TABLE " + HISTORY + " DROP COLUMN class_hash");
		Migrator later = migrator(source(ClassHashMigrations.CreatePlanets.class, "1", original()),
				source(ClassHashMigrations.CreateMoons.class, "2", original()));
		assertThat(later.info().migrations()).extracting((info) -> info.version() + ":" + info.state())
			.containsExactly("1:APPLIED", "2:PENDING");
		assertThat(later.validate().isValid()).isTrue();

		assertThat(later.migrate().executions()).hasSize(1);

		assertThat(classHashes()).hasSize(2).allSatisfy((hash) -> assertThat(hash).matches("[0-9a-f]{24}"));
		assertThat(checksums()).allSatisfy((checksum) -> assertThat(checksum).startsWith("b1:"));
	}

	@Test
	void anOlderHistoryWithNothingPendingGetsTheHashesWithoutRunningAnything() {
		migrator(source(ClassHashMigrations.CreatePlanets.class, "1", original())).migrate();
		this.jdbc.update("UPDATE " + HISTORY + " SET class_hash = NULL");

		assertThat(migrator(source(ClassHashMigrations.CreatePlanets.class, "1", original())).migrate().executions())
			.isEmpty();

		assertThat(classHashes()).singleElement().asString().matches("[0-9a-f]{24}");
	}

	private Migrator migrator(MigrationSource... sources) {
		return Migrator.builder(this.dataSource).migrationSources(List.of(sources)).build();
	}

	private static MigrationSource source(Class<?> type, String version, ClassFileSource classFiles) {
		String simpleName = type.getSimpleName();
		return new MigrationSource(simpleName.substring(0, 1).toLowerCase(Locale.ROOT) + simpleName.substring(1),
				type.getName(), version, "", TransactionMode.DEFAULT, "", true, classFiles, () -> {
					try {
						return type.getDeclaredConstructor().newInstance();
					}
					catch (ReflectiveOperationException ex) {
						throw new IllegalStateException(ex);
					}
				});
	}

	private static ClassFileSource original() {
		return ClassFileSource.of(AbstractClassHashContractTests.class.getClassLoader());
	}

	private static ClassFileSource withoutDebugInfo() {
		return (className) -> {
			byte[] bytes = original().read(className);
			if (bytes == null) {
				return null;
			}
			ClassWriter writer = new ClassWriter(0);
			new ClassReader(bytes).accept(writer, ClassReader.SKIP_DEBUG);
			return writer.toByteArray();
		};
	}

	private List<String> classHashes() {
		return this.jdbc.queryForList("SELECT class_hash FROM " + HISTORY + " ORDER BY installed_rank", String.class);
	}

	private List<String> checksums() {
		return this.jdbc.queryForList("SELECT checksum FROM " + HISTORY + " ORDER BY installed_rank", String.class);
	}

}
