package dev.migrate.resolver;

import java.util.List;

import dev.migrate.MigrationDefinitionException;
import dev.migrate.Version;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class SqlFileMigrationsTests {

	private static final String ROOT = "classpath:dev/migrate/sqlfiles/";

	@Test
	void findsVersionedFilesAndTheirUndoFilesInFoldersBelowTheLocation() {
		List<ResolvedMigration> migrations = SqlFileMigrations.find(List.of(ROOT + "basic"), null);
		assertThat(migrations)
			.extracting(ResolvedMigration::version, ResolvedMigration::description, ResolvedMigration::beanName,
					ResolvedMigration::isReversible)
			.containsExactly(tuple(Version.parse("1"), "Create notes", "V1__Create_notes.sql", true),
					tuple(Version.parse("1.1"), "Index notes", "V1_1__Index_notes.sql", false),
					tuple(Version.parse("2"), "Seed notes", "V2__Seed_notes.sql", true));
		assertThat(migrations).allSatisfy((migration) -> {
			assertThat(migration.checksum()).startsWith("sql1:");
			assertThat(migration.className()).isEqualTo(SqlFileMigration.class.getName());
		});
	}

	@Test
	void checksumIgnoresLineEndingsAndByteOrderMarkButSeesEveryOtherChange() {
		String lf = SqlFileMigrations.find(List.of(ROOT + "lf"), null).get(0).checksum();
		String crlf = SqlFileMigrations.find(List.of(ROOT + "crlf"), null).get(0).checksum();
		assertThat(crlf).isEqualTo(lf);
		String original = SqlFileMigrations.find(List.of(ROOT + "basic"), null).get(0).checksum();
		String edited = SqlFileMigrations.find(List.of(ROOT + "changed"), null).get(0).checksum();
		assertThat(edited).isNotEqualTo(original);
		assertThat(SqlFileMigrations.checksum("SELECT 1;", "SELECT 2;"))
			.isNotEqualTo(SqlFileMigrations.checksum("SELECT 1;", null))
			.isNotEqualTo(SqlFileMigrations.checksum("SELECT 1;", "SELECT 3;"));
	}

	@Test
	void missingLocationHoldsNoMigrations() {
		assertThat(SqlFileMigrations.find(List.of(ROOT + "not-there", "classpath:nowhere/at/all"), null)).isEmpty();
	}

	@Test
	void everyBadFileIsReportedAtOnce() {
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> SqlFileMigrations.find(List.of(ROOT + "bad"), null))
			.satisfies(
					(ex) -> assertThat(ex.getMessage()).contains("V2-Typo.sql looks like a migration but is not named")
						.contains("R__Repeatable.sql looks like a migration")
						.contains("repeatable (R__) migrations are not supported")
						.contains("V0__Zero.sql: version 0 stands for")
						.contains("Undo file " + ROOT + "bad U3__Orphan.sql has no migration V3__"));
	}

	@Test
	void twoFilesOfOneVersionAreReportedWithBothNames() {
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> SqlFileMigrations.find(List.of(ROOT + "dup"), null))
			.withMessageContaining("Two SQL files of version 1")
			.withMessageContaining("V1__One.sql")
			.withMessageContaining("V1__Other.sql");
	}

}
