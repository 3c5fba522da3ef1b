package dev.migrate.resolver;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migrate.DatabaseInfo;
import dev.migrate.Migration;
import dev.migrate.MigrationContext;
import dev.migrate.MigrationDefinitionException;
import dev.migrate.TransactionMode;
import dev.migrate.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.junit.jupiter.params.provider.Arguments.arguments;

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

	@ParameterizedTest
	@CsvSource({ "fix, Fix", "ABC, ABC", "A, A", "AddAColumn, Add a column", "MigrateToJSON, Migrate to JSON",
			"SQLCleanup, SQL cleanup", "IOErrorLog, IO error log", "HTTP2Support, HTTP 2 support",
			"Version2026, Version 2026", "Add2fa, Add 2fa", "V1_2AddIndex, V 1 2 add index", "_Init_, Init",
			"add__index, Add index", "lowercase_words_only, Lowercase words only",
			"\u00c4ndereTabelle, \u00c4ndere tabelle" })
	void describesMoreClassNamesInWords(String className, String description) {
		assertThat(MigrationResolver.describe(className)).isEqualTo(description);
	}

	@Test
	void describesClassNamesWithNonAsciiCapitals() {
		assertThat(MigrationResolver.describe("Create\u00dcbersicht")).isEqualTo("Create \u00fcbersicht");
		assertThat(MigrationResolver.describe("\u00c4ndereStra\u00dfe2")).isEqualTo("\u00c4ndere stra\u00dfe 2");
	}

	@Test
	void splitsAsciiClassNamesAsTheRegularExpressionsBeforeDid() {
		// How describe split names with regular expressions (patterns compiled on every
		// call, some 65 ms for a thousand migrations in a new JVM): the reference for
		// ASCII names.
		Random random = new Random(20261203);
		String alphabet = "aAbBzZ019_XYqQ";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder name = new StringBuilder();
			int length = 1 + random.nextInt(14);
			for (int j = 0; j < length; j++) {
				name.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertThat(MigrationResolver.words(name.toString())).as(name.toString())
				.isEqualTo(splitByRegularExpressions(name.toString()));
		}
	}

	private static List<String> splitByRegularExpressions(String className) {
		String spaced = className.replace('_', ' ')
			.replaceAll("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])", " ")
			.trim();
		return spaced.isEmpty() ? List.of() : List.of(spaced.split("\\s+"));
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

	@ParameterizedTest(name = "parameter {0} ({1})")
	@MethodSource("parameterKinds")
	void passesEachParameterWhatTheRunningMigrationProvides(int index, Class<?> type,
			Function<MigrationContext, Object> expected) throws Throwable {
		RecordsEveryParameter bean = new RecordsEveryParameter();
		ResolvedMigration migration = MigrationResolver.resolve(List.of(bean)).get(0);
		StubContext context = new StubContext();

		migration.up().invoke(bean, context);

		assertThat(migration.up().getMethod().getParameterTypes()[index]).isEqualTo(type);
		assertThat(bean.arguments[index]).isSameAs(expected.apply(context));
	}

	static Stream<Arguments> parameterKinds() {
		return Stream.of(arguments(0, JdbcTemplate.class, fn(MigrationContext::jdbcTemplate)),
				arguments(1, NamedParameterJdbcTemplate.class, fn(MigrationContext::namedParameterJdbcTemplate)),
				arguments(2, JdbcOperations.class, fn(MigrationContext::jdbcTemplate)),
				arguments(3, NamedParameterJdbcOperations.class, fn(MigrationContext::namedParameterJdbcTemplate)),
				arguments(4, JdbcClient.class, fn(MigrationContext::jdbcClient)),
				arguments(5, Connection.class, fn(MigrationContext::connection)),
				arguments(6, DataSource.class, fn(MigrationContext::dataSource)),
				arguments(7, MigrationContext.class, fn((context) -> context)));
	}

	@Test
	void everySupportedParameterTypeIsCoveredByTheTable() {
		List<Class<?>> covered = parameterKinds().<Class<?>>map((arguments) -> (Class<?>) arguments.get()[1]).toList();

		assertThat(covered).containsExactlyInAnyOrderElementsOf(
				MigrationMethod.PARAMETER_KINDS.stream().<Class<?>>map(MigrationMethod.ParameterKind::type).toList());
	}

	@Test
	void methodsWithoutParametersOrWithOneTypeTwiceAreSupported() throws Throwable {
		NoParameters none = new NoParameters();
		SameTypeTwice twice = new SameTypeTwice();
		StubContext context = new StubContext();
		List<ResolvedMigration> migrations = MigrationResolver.resolve(List.of(none, twice));

		migrations.get(0).up().invoke(none, context);
		migrations.get(1).up().invoke(twice, context);

		assertThat(none.called).isTrue();
		assertThat(twice.arguments).containsExactly(context.jdbcTemplate(), context.jdbcTemplate());
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("unsupportedParameters")
	void parameterTypesAreMatchedExactlyAndOthersAreErrorsListingTheSupportedOnes(Object bean, String typeName) {
		List<String> supported = MigrationMethod.PARAMETER_KINDS.stream()
			.map((kind) -> kind.type().getSimpleName())
			.toList();

		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> MigrationResolver.resolve(Map.of("unsupported", bean)))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement(as(STRING))
				.contains("bean 'unsupported'", "of type " + typeName, "is not supported")
				.contains(supported));
	}

	static Stream<Arguments> unsupportedParameters() {
		return Stream.of(arguments(new ObjectParameter(), "java.lang.Object"), arguments(new IntParameter(), "int"),
				arguments(new DataSourceSubtypeParameter(), SimpleDriverDataSource.class.getName()),
				arguments(new JdbcTemplateSubtypeParameter(), MyJdbcTemplate.class.getName()),
				arguments(new UnsupportedDownParameter(), "java.lang.String"));
	}

	@Test
	void unsupportedParameterOfDownNamesTheDownMethod() {
		assertProblem("unsupportedDown", new UnsupportedDownParameter(), "bean 'unsupportedDown'",
				"UnsupportedDownParameter.down(java.lang.String)", "is not supported");
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

	@ParameterizedTest(name = "{0}")
	@MethodSource("badSources")
	void badAttributesOfASourceAreAnErrorNamingItsBeanAndWhatToDo(String problem, MigrationSource bad, String what,
			String remedy) {
		String named = "bean '" + bad.beanName() + "' (" + bad.className() + ")";
		MigrationSource fine = source("fineBean", "the.Fine", "7", "", "");

		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> MigrationResolver.resolveSources(List.of(fine, bad)))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement(as(STRING))
				.startsWith(named + ": ")
				.contains(what)
				.endsWith(remedy))
			.withMessageContaining(named)
			.withMessageNotContaining("fineBean")
			.withMessageNotContaining("the.Fine");
	}

	static Stream<Arguments> badSources() {
		String longVersion = "1.".repeat(Migration.MAX_VERSION_LENGTH) + "1";
		String longDescription = "d".repeat(Migration.MAX_DESCRIPTION_LENGTH + 1);
		String longBeanName = "b".repeat(Migration.MAX_BEAN_NAME_LENGTH + 1);
		String longClassName = "the." + "C".repeat(Migration.MAX_CLASS_NAME_LENGTH - 3);
		String longChecksum = "x".repeat(56);
		return Stream.of(
				arguments("malformed version", source("1..2"),
						"@Migration version \"1..2\" is not dot-separated numbers",
						"use a version such as \"1\", \"1.2\" or \"20261125093000\"."),
				arguments("version of letters", source("abc"),
						"@Migration version \"abc\" is not dot-separated numbers",
						"use a version such as \"1\", \"1.2\" or \"20261125093000\"."),
				arguments("blank version", source(" "), "@Migration version is blank",
						"give a version such as \"1\", \"1.2\" or \"20261125093000\"."),
				arguments("version zero", source("0"), "@Migration version \"0\" is zero", "Number migrations from 1."),
				arguments("version too long", source(longVersion),
						"@Migration version \"" + longVersion + "\" has " + longVersion.length()
								+ " characters; the history table keeps at most " + Migration.MAX_VERSION_LENGTH,
						"Use a shorter version."),
				arguments("description too long", source("theBeanName", "the.ClassName", "1", longDescription, ""),
						"the description \"" + "d".repeat(37) + "...\" has " + longDescription.length()
								+ " characters; the history table keeps at most " + Migration.MAX_DESCRIPTION_LENGTH,
						"Shorten it (@Migration(description = ...) or the class name)."),
				arguments("bean name too long", source(longBeanName, "the.ClassName", "1", "", ""),
						"the bean name has " + longBeanName.length() + " characters; the history table keeps at most "
								+ Migration.MAX_BEAN_NAME_LENGTH,
						"Give the bean a shorter name (@Migration(beanName = ...))."),
				// Described explicitly: the description derived from the long class name
				// would be too long as well.
				arguments("class name too long", source("theBeanName", longClassName, "1", "Long class name", ""),
						"the class name has " + longClassName.length() + " characters; the history table keeps at most "
								+ Migration.MAX_CLASS_NAME_LENGTH,
						"Move the class to a shorter package or give it a shorter name."),
				arguments("blank checksum", source("theBeanName", "the.ClassName", "1", "", " "),
						"@Migration checksum is blank",
						"pin a value such as \"1\" and change it whenever the migration changes."),
				arguments("checksum with spaces", source("theBeanName", "the.ClassName", "1", "", " v3"),
						"@Migration checksum \" v3\" starts or ends with spaces", "remove them."),
				arguments("checksum too long", source("theBeanName", "the.ClassName", "1", "", longChecksum),
						"@Migration checksum \"" + longChecksum + "\" is 56 characters long, but at most 55 fit",
						"use a shorter value."));
	}

	@Test
	void sourcesSharingAVersionAreAnErrorNamingBothBeansAndWhatToDo() {
		MigrationSource first = source("firstBean", "the.First", "1", "", "");
		MigrationSource fine = source("fineBean", "the.Fine", "2", "", "");
		MigrationSource second = source("secondBean", "the.Second", "1", "", "");

		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> MigrationResolver.resolveSources(List.of(first, fine, second)))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement(as(STRING))
				.startsWith("Duplicate version 1: ")
				.contains("bean 'firstBean' (the.First)", "bean 'secondBean' (the.Second)")
				.endsWith("Give one of them a new, higher version."))
			.withMessageNotContaining("fineBean")
			.withMessageNotContaining("the.Fine");
	}

	/** A source named "theBeanName" of class "the.ClassName". */
	private static MigrationSource source(String version) {
		return source("theBeanName", "the.ClassName", version, "", "");
	}

	/**
	 * A source whose attributes alone are checked: its class file is never read, its bean
	 * never created, and the test fails if they are.
	 */
	private static MigrationSource source(String beanName, String className, String version, String description,
			String checksum) {
		ClassFileSource noClassFile = (name) -> {
			throw new AssertionError("The class file of " + name + " was read");
		};
		return new MigrationSource(beanName, className, version, description, TransactionMode.DEFAULT, checksum, true,
				noClassFile, () -> {
					throw new AssertionError("The bean '" + beanName + "' was created");
				});
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

	private static Function<MigrationContext, Object> fn(Function<MigrationContext, Object> function) {
		return function;
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

	@Migration(version = "1")
	public static class RecordsEveryParameter {

		final Object[] arguments = new Object[8];

		public void up(JdbcTemplate jdbcTemplate, NamedParameterJdbcTemplate named, JdbcOperations operations,
				NamedParameterJdbcOperations namedOperations, JdbcClient client, Connection connection,
				DataSource dataSource, MigrationContext context) {
			Object[] values = { jdbcTemplate, named, operations, namedOperations, client, connection, dataSource,
					context };
			System.arraycopy(values, 0, this.arguments, 0, values.length);
		}

	}

	@Migration(version = "1")
	public static class NoParameters {

		boolean called;

		public void up() {
			this.called = true;
		}

	}

	@Migration(version = "2")
	public static class SameTypeTwice {

		final List<Object> arguments = new ArrayList<>();

		public void up(JdbcTemplate first, JdbcTemplate second) {
			this.arguments.add(first);
			this.arguments.add(second);
		}

	}

	@Migration(version = "1")
	public static class ObjectParameter {

		public void up(Object jdbc) {
		}

	}

	@Migration(version = "1")
	public static class IntParameter {

		public void up(int batchSize) {
		}

	}

	@Migration(version = "1")
	public static class DataSourceSubtypeParameter {

		public void up(SimpleDriverDataSource dataSource) {
		}

	}

	@Migration(version = "1")
	public static class JdbcTemplateSubtypeParameter {

		public void up(MyJdbcTemplate jdbc) {
		}

	}

	public static class MyJdbcTemplate extends JdbcTemplate {

	}

	@Migration(version = "1")
	public static class UnsupportedDownParameter {

		public void up(JdbcTemplate jdbc) {
		}

		public void down(String sql) {
		}

	}

	/**
	 * A context whose every part is a distinct object, to tell which one a parameter
	 * gets.
	 */
	static final class StubContext implements MigrationContext {

		private final JdbcTemplate jdbcTemplate = new JdbcTemplate();

		private final NamedParameterJdbcTemplate namedParameterJdbcTemplate = new NamedParameterJdbcTemplate(
				new JdbcTemplate());

		private final JdbcClient jdbcClient = JdbcClient.create(new JdbcTemplate());

		private final Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					throw new UnsupportedOperationException(method.getName());
				});

		private final DataSource dataSource = new SimpleDriverDataSource();

		@Override
		public Version version() {
			return Version.parse("1");
		}

		@Override
		public String description() {
			return "Stub";
		}

		@Override
		public Direction direction() {
			return Direction.UP;
		}

		@Override
		public DatabaseInfo database() {
			return new DatabaseInfo("H2", "2.3", 2, 3, "PUBLIC", false);
		}

		@Override
		public JdbcTemplate jdbcTemplate() {
			return this.jdbcTemplate;
		}

		@Override
		public NamedParameterJdbcTemplate namedParameterJdbcTemplate() {
			return this.namedParameterJdbcTemplate;
		}

		@Override
		public JdbcClient jdbcClient() {
			return this.jdbcClient;
		}

		@Override
		public Connection connection() {
			return this.connection;
		}

		@Override
		public DataSource dataSource() {
			return this.dataSource;
		}

		@Override
		public void executeScript(String location) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void executeScript(org.springframework.core.io.Resource script) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void log(String message, Object... args) {
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
