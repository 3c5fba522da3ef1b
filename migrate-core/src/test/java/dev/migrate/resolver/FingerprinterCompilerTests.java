package dev.migrate.resolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.migrate.resolver.TestCompilers.Compiler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fingerprint of a migration is the same whichever compiler, target release, debug
 * options, annotations and member order its class file was built with, and changes when
 * what the migration does changes. The migrations are realistic sources kept as test
 * resources and compiled here with javac (this JDK's, and a JDK 25's when there is one)
 * and Eclipse's ECJ.
 */
class FingerprinterCompilerTests {

	private static final String PACKAGE = "com.example.migrations";

	private static final String RESOURCES = "fingerprint/";

	/** The migrations, each a {@code @Migration} class. */
	private static final List<String> MIGRATIONS = List.of("PlainStatements", "TextBlockView", "PrivateHelper",
			"LambdaCallbacks", "LoopOverTables", "ConditionalOnDialect", "TryCatchFallback",
			"ConcatenationWithVariables", "ConstantFromAnotherClass", "JdbcClientSeed", "FieldsAndInitializers");

	/** What they use: constants of another class, an annotation for the variants. */
	private static final List<String> SUPPORT = List.of("Sql", "Note");

	/** Fingerprints of the sources as they are, by compiler. */
	private static final Map<String, Map<String, String>> fingerprints = new ConcurrentHashMap<>();

	private static final Compiler REFERENCE = TestCompilers.javac(17);

	static Stream<Compiler> javacOptions() {
		return Stream.of(TestCompilers.javac(17, "-g"), TestCompilers.javac(17, "-g:none"),
				TestCompilers.javac(17, "-parameters"), TestCompilers.javac(17, "-g", "-parameters"),
				// String concatenation as StringBuilder chains, as javac 8 and Kotlin
				// compile it.
				TestCompilers.javac(17, "-XDstringConcat=inline"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("javacOptions")
	void javacDebugOptionsDoNotCount(Compiler compiler) {
		assertSameFingerprintsAsReference(compiler);
	}

	@ParameterizedTest(name = "javac --release 21 {0}")
	@CsvSource({ "''", "-g -parameters" })
	void javacOfThisJdkForRelease21GivesTheSameFingerprints(String options) {
		assumeTrue(Runtime.version().feature() >= 21, "This JDK (" + Runtime.version().feature()
				+ ") cannot compile for release 21; the JDK 25 tests cover that release");
		assertSameFingerprintsAsReference(TestCompilers.javac(21, options(options)));
	}

	@ParameterizedTest(name = "JDK 25 javac --release {0} {1}")
	@CsvSource({ "17, ''", "17, -g -parameters", "21, ''", "21, -g -parameters", "25, ''", "25, -g -parameters" })
	void javacOfJdk25GivesTheSameFingerprints(int release, String options) {
		Path jdk25 = TestCompilers.jdk25();
		assumeTrue(jdk25 != null,
				"No JDK 25 found: name one with -D" + TestCompilers.JDK25_PROPERTY + " or "
						+ TestCompilers.JDK25_VARIABLE
						+ ", or install one under /usr/lib/jvm, to check javac 25 and releases 21 and 25");
		assertSameFingerprintsAsReference(TestCompilers.javacProcess(jdk25, release, options(options)));
	}

	@ParameterizedTest(name = "ECJ -{0} {1}")
	@CsvSource({ "17, -g:none", "17, -g -parameters -preserveAllLocals", "21, -g:none",
			"21, -g -parameters -preserveAllLocals" })
	void ecjGivesTheSameFingerprints(int release, String options) {
		assertSameFingerprintsAsReference(TestCompilers.ecj(release, options(options)));
	}

	static Stream<Arguments> sourceVariants() {
		return Stream.of(Arguments.of("annotations on class, methods, parameters and types", annotated()),
				Arguments.of("methods in reverse order", (UnaryOperator<String>) FingerprinterCompilerTests::reversed),
				Arguments.of("annotated and reordered, compiled by ECJ",
						(UnaryOperator<String>) (source) -> reversed(annotated().apply(source))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sourceVariants")
	void annotationsAndMemberOrderDoNotCount(String variant, UnaryOperator<String> change) {
		Map<String, String> sources = new LinkedHashMap<>();
		sources().forEach((name, source) -> sources.put(name,
				(MIGRATIONS.contains(simpleName(name))) ? changed(source, change) : source));
		Compiler compiler = variant.contains("ECJ") ? TestCompilers.ecj(17, "-g:none") : REFERENCE;

		assertThat(fingerprints(compiler, sources)).as(variant).isEqualTo(reference());
	}

	static Stream<Arguments> changes() {
		return Stream.of(
				change("a changed SQL string", "PlainStatements", "PlainStatements",
						replace("VARCHAR(255)", "VARCHAR(320)")),
				change("a changed constant inlined from another class", "Sql", "ConstantFromAnotherClass",
						replace("entry VARCHAR(200)", "entry VARCHAR(400)")),
				change("a changed numeric constant inlined from another class", "Sql", "ConstantFromAnotherClass",
						replace("BATCH_SIZE = 500", "BATCH_SIZE = 1000")),
				change("up and down bodies swapped", "PlainStatements", "PlainStatements",
						replace("public void up(", "public void swap("),
						replace("public void down(", "public void up("),
						replace("public void swap(", "public void down(")),
				change("an added statement", "PlainStatements", "PlainStatements", replace(
						"jdbc.execute(\"DROP TABLE users\");",
						"jdbc.execute(\"DROP TABLE users\");\n\t\tjdbc.execute(\"DROP TABLE IF EXISTS users_log\");")),
				change("statements reordered", "PlainStatements", "PlainStatements",
						replace("jdbc.execute(\"DROP INDEX users_email\");", "MOVED"),
						replace("jdbc.execute(\"DROP TABLE users\");",
								"jdbc.execute(\"DROP TABLE users\");\n\t\tjdbc.execute(\"DROP INDEX users_email\");"),
						replace("MOVED\n\t\t", "")),
				change("a changed private helper body", "PrivateHelper", "PrivateHelper",
						replace("created_at TIMESTAMP NOT NULL", "created_at TIMESTAMP")),
				change("a changed private static helper body", "PrivateHelper", "PrivateHelper",
						replace("\"DROP TABLE \" + name", "\"DROP TABLE IF EXISTS \" + name")),
				change("a changed lambda body", "LambdaCallbacks", "LambdaCallbacks",
						replace("rs.getString(1)", "rs.getString(2)")),
				change("a changed method reference", "LambdaCallbacks", "LambdaCallbacks",
						replace("String::valueOf", "Long::toHexString")),
				change("a changed loop bound", "LoopOverTables", "LoopOverTables",
						replace("tenant <= 3", "tenant < 3")),
				change("a changed list looped over", "LoopOverTables", "LoopOverTables",
						replace("\"invoices\", \"payments\")", "\"payments\", \"invoices\")")),
				change("a negated condition", "ConditionalOnDialect", "ConditionalOnDialect",
						replace("&& !context.description()", "&& context.description()")),
				change("the branches of an if swapped", "ConditionalOnDialect", "ConditionalOnDialect",
						replace("if (context.database().transactionalDdl() &&",
								"if (!context.database().transactionalDdl() ||"),
						replace("!context.description().isEmpty()", "context.description().isEmpty()")),
				change("a changed catch block", "TryCatchFallback", "TryCatchFallback",
						replace("trigram_fallback (id BIGINT)", "trigram_fallback (id INT)")),
				change("a statement moved into a try block", "TryCatchFallback", "TryCatchFallback",
						replace("\n\t\tjdbc.execute(\"CREATE TABLE search_terms (term VARCHAR(100))\");", ""),
						replace("pg_trgm\");\n",
								"pg_trgm\");\n\t\t\tjdbc.execute(\"CREATE TABLE search_terms (term VARCHAR(100))\");\n")),
				change("a changed literal between concatenated variables", "ConcatenationWithVariables",
						"ConcatenationWithVariables", replace("\"_\" + column", "\"__\" + column")),
				change("a changed local variable value", "ConcatenationWithVariables", "ConcatenationWithVariables",
						replace("int days = 30;", "int days = 31;")),
				change("a changed JdbcClient parameter", "JdbcClientSeed", "JdbcClientSeed",
						replace(".param(\"id\", 0)\n", ".param(\"id\", 1)\n")),
				change("a changed static field initializer", "FieldsAndInitializers", "FieldsAndInitializers",
						replace("List.of(\"orders\", \"invoices\")", "List.of(\"orders\", \"payments\")")),
				change("a changed instance field initializer", "FieldsAndInitializers", "FieldsAndInitializers",
						replace("List.of(\"id\", \"created_at\")", "List.of(\"id\", \"updated_at\")")),
				change("a changed constant instance field", "FieldsAndInitializers", "FieldsAndInitializers",
						replace("\"_archive\"", "\"_old\"")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("changes")
	void changesOfWhatAMigrationDoesCount(String description, String file, String migration,
			List<UnaryOperator<String>> edits) {
		Map<String, String> sources = new LinkedHashMap<>();
		for (String name : List.of(migration, "Sql", "Note", file)) {
			sources.put(PACKAGE + "." + name, sources().get(PACKAGE + "." + name));
		}
		String original = sources.get(PACKAGE + "." + file);
		String edited = original;
		for (UnaryOperator<String> edit : edits) {
			edited = edit.apply(edited);
		}
		sources.put(PACKAGE + "." + file, edited);

		String changed = fingerprints(REFERENCE, sources).get(migration);

		assertThat(changed).as(description).isNotNull().isNotEqualTo(reference().get(migration));
	}

	private void assertSameFingerprintsAsReference(Compiler compiler) {
		assertThat(fingerprints.computeIfAbsent(compiler.name(), (name) -> fingerprints(compiler, sources())))
			.as(compiler.name())
			.isEqualTo(reference());
	}

	private static Map<String, String> reference() {
		return fingerprints.computeIfAbsent(REFERENCE.name(), (name) -> fingerprints(REFERENCE, sources()));
	}

	/** Fingerprints of the migrations among the sources, by simple class name. */
	static Map<String, String> fingerprints(Compiler compiler, Map<String, String> sources) {
		Map<String, byte[]> classes = compiler.compile(sources);
		Map<String, String> result = new LinkedHashMap<>();
		for (String migration : MIGRATIONS) {
			byte[] classFile = classes.get(PACKAGE + "." + migration);
			if (classFile != null) {
				result.put(migration, Fingerprinter.fingerprint(PACKAGE + "." + migration, classFile).stored());
			}
		}
		return result;
	}

	/** The sources of the migrations and what they use, by binary class name. */
	static Map<String, String> sources() {
		Map<String, String> sources = new LinkedHashMap<>();
		for (String name : MIGRATIONS) {
			sources.put(PACKAGE + "." + name, source(name));
		}
		for (String name : SUPPORT) {
			sources.put(PACKAGE + "." + name, source(name));
		}
		return sources;
	}

	static String source(String name) {
		try (InputStream input = FingerprinterCompilerTests.class.getResourceAsStream(RESOURCES + name + ".java")) {
			assertThat(input).as("source " + name).isNotNull();
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

	private static String[] options(String options) {
		return options.isBlank() ? new String[0] : options.trim().split("\\s+");
	}

	private static String changed(String source, UnaryOperator<String> change) {
		String changed = change.apply(source);
		assertThat(changed).as("variant of\n" + source).isNotEqualTo(source);
		return changed;
	}

	/**
	 * Put annotations everywhere: on the class, on {@code up} and {@code down}, on their
	 * parameters (declaration and type annotations) and on fields and local types.
	 */
	private static UnaryOperator<String> annotated() {
		return (source) -> source.replace("\n@Migration(", "\n@Deprecated\n@Note(\"class\")\n@Migration(")
			.replaceAll("\tpublic void (up|down)\\(",
					"\t@Deprecated\n\t@Note(\"method\")\n\t@SuppressWarnings(\"unused\")\n\tpublic void $1(@Note ")
			.replace("\tprivate ", "\t@Note(\"member\")\n\tprivate ")
			.replace("List<String> ", "List<@Note String> ");
	}

	/**
	 * The class's methods and constructors (members separated by blank lines) in reverse
	 * order. Fields stay where they are: the order of their initializers is the order of
	 * the constructor's code, which does count.
	 */
	static String reversed(String source) {
		Matcher body = Pattern.compile("(?s)(\npublic (?:final )?class [^\n]*\\{\n\n)(.*)(\n\n}\n)").matcher(source);
		assertThat(body.find()).as("class body of\n" + source).isTrue();
		List<String> members = new ArrayList<>(List.of(body.group(2).split("\n\n(?=\t\\S)")));
		List<Integer> methods = new ArrayList<>();
		for (int i = 0; i < members.size(); i++) {
			if (!members.get(i).endsWith(";")) {
				methods.add(i);
			}
		}
		List<String> reordered = new ArrayList<>(members);
		for (int i = 0; i < methods.size(); i++) {
			reordered.set(methods.get(i), members.get(methods.get(methods.size() - 1 - i)));
		}
		return source.substring(0, body.start(2)) + String.join("\n\n", reordered) + source.substring(body.end(2));
	}

	@SafeVarargs
	private static Arguments change(String description, String file, String migration, UnaryOperator<String>... edits) {
		return Arguments.of(description, file, migration, List.of(edits));
	}

	private static UnaryOperator<String> replace(String from, String to) {
		return (source) -> {
			assertThat(source).as("text to replace").containsOnlyOnce(from);
			return source.replace(from, to);
		};
	}

}
