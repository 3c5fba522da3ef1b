package dev.migrate.resolver;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migrate.Migration;
import dev.migrate.MigrationContext;
import dev.migrate.MigrationDefinitionException;
import dev.migrate.TransactionMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * Tests for {@link MigrationResolver}: what makes a well-defined migration, and the
 * messages when one is not.
 */
class MigrationResolverTests {

	@ParameterizedTest
	@CsvSource({ "CreateUsersTable, Create users table", "AddEmailToUsers, Add email to users",
			"V2AddIndex, V 2 add index", "ImportCSVFiles, Import CSV files", "Add_index_on_users, Add index on users",
			"Fix, Fix", "AddHTTPSUrls, Add HTTPS urls", "Seed2026Data, Seed 2026 data" })
	void describesAClassNameInWords(String className, String description) {
		assertThat(MigrationResolver.describe(className)).isEqualTo(description);
	}

	@Test
	void resolvesVersionDescriptionMethodsAndChecksum() {
		List<ResolvedMigration> migrations = MigrationResolver.resolve(Map.of("createUsersTable",
				new CreateUsersTable(), "addUsersName", new AddUsersName(), "everyParameter", new EveryParameter()));

		assertThat(migrations).extracting((migration) -> migration.version().toString())
			.containsExactly("1", "2", "10");
		ResolvedMigration first = migrations.get(0);
		assertThat(first.description()).isEqualTo("Create users table");
		assertThat(first.beanName()).isEqualTo("createUsersTable");
		assertThat(first.isReversible()).isTrue();
		assertThat(first.transactionMode()).isEqualTo(TransactionMode.DEFAULT);
		assertThat(first.checksum()).matches("b1:[0-9a-f]{32}");
		assertThat(first.fingerprint()).isEqualTo(Fingerprinter.fingerprint(CreateUsersTable.class));
		ResolvedMigration second = migrations.get(1);
		assertThat(second.description()).isEqualTo("Add a name");
		assertThat(second.isReversible()).isFalse();
		assertThat(second.transactionMode()).isEqualTo(TransactionMode.NONE);
		assertThat(migrations.get(2).up().getMethod().getParameterCount()).isEqualTo(8);
	}

	@Test
	void checksumDiffersBetweenClassesAndIsStableForOne() {
		String checksum = MigrationResolver.resolve(List.of(new CreateUsersTable())).get(0).checksum();

		assertThat(MigrationResolver.resolve(List.of(new CreateUsersTable())).get(0).checksum()).isEqualTo(checksum);
		assertThat(MigrationResolver.resolve(List.of(new AddUsersName())).get(0).checksum()).isNotEqualTo(checksum);
	}

	@Test
	void pinnedChecksumIsRecordedInsteadOfTheFingerprint() {
		ResolvedMigration migration = MigrationResolver.resolve(List.of(new PinnedChecksum())).get(0);

		assertThat(migration.checksum()).isEqualTo("explicit:2026-11 users v2");
		assertThat(migration.fingerprint()).isEqualTo(Fingerprint.explicit("2026-11 users v2"));
	}

	@Test
	void pinnedChecksumNeedsNoClassFile() throws Exception {
		ClassLoader withoutClassFiles = classesWithoutClassFiles(Map.of("com.example.generated.Pinned", """
				package com.example.generated;

				@dev.migrate.Migration(version = "1", checksum = "1")
				public class Pinned {

					public void up(org.springframework.jdbc.core.JdbcTemplate jdbc) {
						jdbc.execute("CREATE TABLE pinned (id INT)");
					}

				}
				"""));
		Object bean = withoutClassFiles.loadClass("com.example.generated.Pinned")
			.getDeclaredConstructor()
			.newInstance();

		assertThat(MigrationResolver.resolve(Map.of("pinned", bean)).get(0).checksum()).isEqualTo("explicit:1");
	}

	@Test
	void missingClassFileIsAnErrorNamingTheBeanAndHowToPinAChecksum() throws Exception {
		ClassLoader withoutClassFiles = classesWithoutClassFiles(Map.of("com.example.generated.Generated", """
				package com.example.generated;

				@dev.migrate.Migration(version = "1")
				public class Generated {

					public void up(org.springframework.jdbc.core.JdbcTemplate jdbc) {
						jdbc.execute("CREATE TABLE generated (id INT)");
					}

				}
				"""));
		Object bean = withoutClassFiles.loadClass("com.example.generated.Generated")
			.getDeclaredConstructor()
			.newInstance();

		assertProblem("generated", bean, "bean 'generated' (com.example.generated.Generated)",
				"Cannot fingerprint migration class com.example.generated.Generated",
				"no class file com/example/generated/Generated.class", "@Migration(checksum = \"...\")");
	}

	@ParameterizedTest
	@MethodSource("badChecksums")
	void pinnedChecksumMustFitTheHistoryTable(String checksum, String problem) {
		assertThat(MigrationResolver.explicitChecksumProblem(checksum)).contains(problem);
	}

	static Stream<Arguments> badChecksums() {
		return Stream.of(Arguments.of(" ", "is blank: leave it out"), Arguments.of("\t", "is blank"),
				Arguments.of(" v2", "starts or ends with spaces"), Arguments.of("v2 ", "starts or ends with spaces"),
				Arguments.of("v2\n", "starts or ends with spaces"),
				Arguments.of("v2\nusers", "contains a control character"),
				Arguments.of("x".repeat(56), "is 56 characters long, but at most 55 fit the history table"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1", "v2", "release 4.2: users", "sha:abc" })
	void pinnedChecksumsThatFit(String checksum) {
		assertThat(MigrationResolver.explicitChecksumProblem(checksum)).isNull();
	}

	@Test
	void longestPinnedChecksumFillsTheColumn() {
		String longest = "x".repeat(55);

		assertThat(MigrationResolver.explicitChecksumProblem(longest)).isNull();
		assertThat(Fingerprint.explicit(longest).stored()).hasSize(Fingerprint.MAX_STORED_LENGTH);
	}

	@Test
	void badPinnedChecksumIsAnErrorNamingTheBean() {
		assertProblem("spaced", new SpacedChecksum(), "bean 'spaced' (" + SpacedChecksum.class.getName()
				+ "): @Migration checksum \" v3\" starts or ends with spaces: remove them.");
	}

	@Test
	void namesBeansAfterTheirClass() {
		assertThat(MigrationResolver.resolve(List.of(new CreateUsersTable())).get(0).beanName())
			.isEqualTo("createUsersTable");
	}

	@Test
	void malformedVersionIsAnErrorNamingTheBean() {
		assertProblem("malformed", new MalformedVersion(), "bean 'malformed' (" + MalformedVersion.class.getName()
				+ "): @Migration version \"1.a\" is not dot-separated numbers");
	}

	@Test
	void blankVersionIsAnErrorNamingTheBean() {
		assertProblem("blank", new BlankVersion(), "bean 'blank'", "version is blank");
	}

	@Test
	void missingUpIsAnErrorNamingTheBean() {
		assertProblem("noUp", new NoUp(), "bean 'noUp'", "has no public 'up' method");
	}

	@Test
	void overloadedUpIsAnErrorNamingTheBean() {
		assertProblem("overloaded", new OverloadedUp(), "bean 'overloaded'", "has 2 public 'up' methods",
				"cannot choose between overloads");
	}

	@Test
	void nonPublicUpIsAnErrorNamingTheBean() {
		assertProblem("packagePrivate", new PackagePrivateUp(), "bean 'packagePrivate'", "method 'up' must be public");
	}

	@Test
	void nonPublicDownIsAnErrorNamingTheBean() {
		assertProblem("privateDown", new PrivateDown(), "bean 'privateDown'", "method 'down' must be public");
	}

	@Test
	void unsupportedParameterTypeIsAnErrorNamingTheBeanAndMethod() {
		assertProblem("unsupported", new UnsupportedParameter(), "bean 'unsupported'", "of type java.lang.String",
				"UnsupportedParameter.up(java.lang.String)", "is not supported");
	}

	@Test
	void beanWithoutTheAnnotationIsAnError() {
		assertProblem("plain", new Object(), "bean 'plain' (java.lang.Object) is not annotated with @Migration");
	}

	@Test
	void duplicateVersionsAreAnErrorNamingBothBeans() {
		Map<String, Object> beans = new LinkedHashMap<>();
		beans.put("createUsersTable", new CreateUsersTable());
		beans.put("sameVersion", new SameVersionAsCreateUsersTable());

		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(() -> MigrationResolver.resolve(beans))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement(as(STRING))
				.contains("Duplicate version 1")
				.contains("bean 'createUsersTable'")
				.contains("bean 'sameVersion'"));
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		Map<String, Object> beans = new LinkedHashMap<>();
		beans.put("malformed", new MalformedVersion());
		beans.put("noUp", new NoUp());
		beans.put("unsupported", new UnsupportedParameter());

		assertThatExceptionOfType(MigrationDefinitionException.class).isThrownBy(() -> MigrationResolver.resolve(beans))
			.satisfies((ex) -> assertThat(ex.getProblems()).hasSize(3))
			.withMessageStartingWith("Invalid migration definitions (3 problems)")
			.withMessageContaining("Nothing was changed in the database");
	}

	/** Classes defined from their bytes, by a class loader that has no class files. */
	private static ClassLoader classesWithoutClassFiles(Map<String, String> sources) {
		Map<String, byte[]> classes = TestCompilers.javac(17).compile(sources);
		return new ClassLoader(MigrationResolverTests.class.getClassLoader()) {

			@Override
			protected Class<?> findClass(String name) throws ClassNotFoundException {
				byte[] bytes = classes.get(name);
				if (bytes == null) {
					throw new ClassNotFoundException(name);
				}
				return defineClass(name, bytes, 0, bytes.length);
			}

		};
	}

	private static void assertProblem(String beanName, Object bean, String... fragments) {
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> MigrationResolver.resolve(Map.of(beanName, bean)))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement(as(STRING)).contains(fragments));
	}

	@Migration(version = "1")
	public static class CreateUsersTable {

		public void up(JdbcTemplate jdbc) {
		}

		public void down(JdbcTemplate jdbc) {
		}

	}

	@Migration(version = "2", checksum = "2026-11 users v2")
	public static class PinnedChecksum {

		public void up(JdbcTemplate jdbc) {
		}

	}

	@Migration(version = "3", checksum = " v3")
	public static class SpacedChecksum {

		public void up(JdbcTemplate jdbc) {
		}

	}

	@Migration(version = "1.0")
	public static class SameVersionAsCreateUsersTable {

		public void up(JdbcTemplate jdbc) {
		}

	}

	@Migration(version = "2", description = " Add a name ", transaction = TransactionMode.NONE)
	public static class AddUsersName {

		public void up(Connection connection) {
		}

	}

	@Migration(version = "10")
	public static class EveryParameter {

		public void up(JdbcTemplate jdbcTemplate, NamedParameterJdbcTemplate named, JdbcClient client,
				Connection connection, DataSource dataSource, MigrationContext context,
				org.springframework.jdbc.core.JdbcOperations operations,
				org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations namedOperations) {
		}

	}

	@Migration(version = "1.a")
	public static class MalformedVersion {

		public void up(JdbcTemplate jdbc) {
		}

	}

	@Migration(version = " ")
	public static class BlankVersion {

		public void up(JdbcTemplate jdbc) {
		}

	}

	@Migration(version = "1")
	public static class NoUp {

		public void down(JdbcTemplate jdbc) {
		}

	}

	@Migration(version = "1")
	public static class OverloadedUp {

		public void up(JdbcTemplate jdbc) {
		}

		public void up(Connection connection) {
		}

	}

	@Migration(version = "1")
	public static class PackagePrivateUp {

		void up(JdbcTemplate jdbc) {
		}

	}

	@Migration(version = "1")
	public static class PrivateDown {

		public void up(JdbcTemplate jdbc) {
		}

		@SuppressWarnings("unused")
		private void down(JdbcTemplate jdbc) {
		}

	}

	@Migration(version = "1")
	public static class UnsupportedParameter {

		public void up(String sql) {
		}

	}

}
