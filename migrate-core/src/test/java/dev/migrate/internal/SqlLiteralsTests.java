package dev.migrate.internal;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.migrate.TransactionMode;
import dev.migrate.internal.SqlLiteralStyle.Kind;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link SqlLiterals} and {@link SqlLiteralStyle}: how a plan writes a prepared
 * statement with its bound values, for a DBA to read and run, on each database.
 * <p>
 * The tables state the literal each database needs for each kind of value, and where each
 * database's statements have parameters. {@code SqlLiteralsContractTests} checks the same
 * forms against the real databases. The time zone is Europe/Paris, so that conversions
 * show.
 */
class SqlLiteralsTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final SqlLiteralStyle POSTGRESQL = SqlLiteralStyle.of(Kind.POSTGRESQL).inZone(PARIS);

	private static final SqlLiteralStyle MYSQL = SqlLiteralStyle.of(Kind.MYSQL).inZone(PARIS);

	private static final SqlLiteralStyle H2 = SqlLiteralStyle.of(Kind.H2).inZone(PARIS);

	private static final SqlLiteralStyle HSQLDB = SqlLiteralStyle.of(Kind.HSQLDB).inZone(PARIS);

	private static final SqlLiteralStyle STANDARD = SqlLiteralStyle.of(Kind.STANDARD).inZone(PARIS);

	/** Stands for the marker of a value that has no literal. */
	private static final String UNWRITABLE = "(unwritable)";

	static Stream<Forms> literals() {
		return Stream.of(same(null, "NULL"), same(true, "TRUE"), same(false, "FALSE"), same(42, "42"), same(-7, "-7"),
				same(0, "0"), same((short) 12, "12"), same((byte) -1, "-1"),
				same(Long.MAX_VALUE, "9223372036854775807"), same(Long.MIN_VALUE, "-9223372036854775808"),
				same(new AtomicLong(5), "5"), same(new AtomicInteger(6), "6"),
				same(new BigInteger("123456789012345678901234567890"), "123456789012345678901234567890"),
				// The scale is kept, and there is never an exponent (MySQL reads 1E+3 as
				// a double)
				same(new BigDecimal("12.50"), "12.50"), same(new BigDecimal("-0.001"), "-0.001"),
				same(new BigDecimal("1E+3"), "1000"), same(new BigDecimal("1E-10"), "0.0000000001"), same(1.5d, "1.5"),
				same(2.25f, "2.25"), same(1e10, "1.0E10"),
				forms(Double.NaN, "'NaN'", UNWRITABLE, "CAST('NaN' AS DOUBLE)", "CAST('NaN' AS DOUBLE)",
						"CAST('NaN' AS DOUBLE)"),
				forms(Double.POSITIVE_INFINITY, "'Infinity'", UNWRITABLE, "CAST('Infinity' AS DOUBLE)",
						"CAST('Infinity' AS DOUBLE)", "CAST('Infinity' AS DOUBLE)"),
				forms(Float.NEGATIVE_INFINITY, "'-Infinity'", UNWRITABLE, "CAST('-Infinity' AS REAL)",
						"CAST('-Infinity' AS REAL)", "CAST('-Infinity' AS REAL)"),
				same("plain", "'plain'"), same("", "''"), same("O'Reilly", "'O''Reilly'"), same("it''s", "'it''''s'"),
				same("'", "''''"), same("line\nbreak", "'line\nbreak'"), same("what?", "'what?'"),
				same("-- not a comment", "'-- not a comment'"), same('x', "'x'"), same('\'', "''''"),
				same(new StringBuilder("built"), "'built'"),
				// A backslash is an escape in MySQL strings
				forms("C:\\new", "'C:\\new'", "'C:\\\\new'", "'C:\\new'", "'C:\\new'", "'C:\\new'"),
				forms("it\\'s", "'it\\''s'", "'it\\\\''s'", "'it\\''s'", "'it\\''s'", "'it\\''s'"),
				forms("nul\0", "'nul\0'", "'nul\\0'", "'nul\0'", "'nul\0'", "'nul\0'"),
				forms(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
						"'123e4567-e89b-12d3-a456-426614174000'::uuid", "'123e4567-e89b-12d3-a456-426614174000'",
						"UUID '123e4567-e89b-12d3-a456-426614174000'",
						"CAST('123e4567-e89b-12d3-a456-426614174000' AS UUID)",
						"'123e4567-e89b-12d3-a456-426614174000'"),
				// X'...' is a bit string in PostgreSQL
				forms(new byte[] { 0x00, 0x1f, (byte) 0xff }, "'\\x001fff'::bytea", "X'001fff'", "X'001fff'",
						"X'001fff'", "X'001fff'"),
				forms(new byte[0], "'\\x'::bytea", "X''", "X''", "X''", "X''"),
				// MariaDB Connector/J writes temporal values as strings
				forms(LocalDate.of(2026, 1, 1), "DATE '2026-01-01'", "'2026-01-01'", "DATE '2026-01-01'",
						"DATE '2026-01-01'", "DATE '2026-01-01'"),
				forms(java.sql.Date.valueOf("2026-01-01"), "DATE '2026-01-01'", "'2026-01-01'", "DATE '2026-01-01'",
						"DATE '2026-01-01'", "DATE '2026-01-01'"),
				forms(LocalDate.of(10000, 1, 1), UNWRITABLE, UNWRITABLE, UNWRITABLE, UNWRITABLE, UNWRITABLE),
				forms(LocalTime.of(10, 0, 30), "TIME '10:00:30'", "'10:00:30'", "TIME '10:00:30'", "TIME '10:00:30'",
						"TIME '10:00:30'"),
				// pgjdbc rounds to microseconds, MariaDB Connector/J truncates
				forms(LocalTime.of(10, 0, 30, 123_456_789), "TIME '10:00:30.123457'", "'10:00:30.123456'",
						"TIME '10:00:30.123456789'", "TIME '10:00:30.123456789'", "TIME '10:00:30.123456789'"),
				forms(Time.valueOf("10:00:00"), "TIME '10:00:00'", "'10:00:00'", "TIME '10:00:00'", "TIME '10:00:00'",
						"TIME '10:00:00'"),
				forms(OffsetTime.of(10, 0, 0, 0, ZoneOffset.ofHours(2)), "TIME WITH TIME ZONE '10:00:00+02:00'",
						UNWRITABLE, "TIME WITH TIME ZONE '10:00:00+02:00'", "TIME '10:00:00+02:00'",
						"TIME '10:00:00+02:00'"),
				forms(LocalDateTime.of(2026, 1, 1, 10, 0), "TIMESTAMP '2026-01-01 10:00:00'", "'2026-01-01 10:00:00'",
						"TIMESTAMP '2026-01-01 10:00:00'", "TIMESTAMP '2026-01-01 10:00:00'",
						"TIMESTAMP '2026-01-01 10:00:00'"),
				forms(LocalDateTime.of(2026, 1, 1, 10, 0, 0, 123_000_000), "TIMESTAMP '2026-01-01 10:00:00.123'",
						"'2026-01-01 10:00:00.123'", "TIMESTAMP '2026-01-01 10:00:00.123'",
						"TIMESTAMP '2026-01-01 10:00:00.123'", "TIMESTAMP '2026-01-01 10:00:00.123'"),
				forms(LocalDateTime.of(2026, 12, 31, 23, 59, 59, 999_999_500), "TIMESTAMP '2027-01-01 00:00:00'",
						"'2026-12-31 23:59:59.999999'", "TIMESTAMP '2026-12-31 23:59:59.9999995'",
						"TIMESTAMP '2026-12-31 23:59:59.9999995'", "TIMESTAMP '2026-12-31 23:59:59.9999995'"),
				// pgjdbc sends a java.sql.Timestamp untyped, with the JVM's offset: the
				// same
				// instant in a timestamptz column, the same wall-clock time in a
				// timestamp one
				forms(Timestamp.from(Instant.parse("2026-01-01T09:00:00Z")), "'2026-01-01 10:00:00+01:00'",
						"'2026-01-01 10:00:00'", "TIMESTAMP '2026-01-01 10:00:00'", "TIMESTAMP '2026-01-01 10:00:00'",
						"TIMESTAMP '2026-01-01 10:00:00'"),
				forms(Timestamp.from(Instant.parse("2026-07-01T08:00:00.123456Z")),
						"'2026-07-01 10:00:00.123456+02:00'", "'2026-07-01 10:00:00.123456'",
						"TIMESTAMP '2026-07-01 10:00:00.123456'", "TIMESTAMP '2026-07-01 10:00:00.123456'",
						"TIMESTAMP '2026-07-01 10:00:00.123456'"),
				// Bound as a timestamp, as JdbcTemplate does
				forms(new Date(0), "'1970-01-01 01:00:00+01:00'", "'1970-01-01 01:00:00'",
						"TIMESTAMP '1970-01-01 01:00:00'", "TIMESTAMP '1970-01-01 01:00:00'",
						"TIMESTAMP '1970-01-01 01:00:00'"),
				// MariaDB Connector/J converts values with an offset to the JVM's zone
				forms(OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2)),
						"TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+02:00'", "'2026-01-01 09:00:00'",
						"TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+02:00'", "TIMESTAMP '2026-01-01 10:00:00+02:00'",
						"TIMESTAMP '2026-01-01 10:00:00+02:00'"),
				forms(Instant.parse("2026-01-01T10:00:00Z"), "TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00:00'",
						"'2026-01-01 11:00:00'", "TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00:00'",
						"TIMESTAMP '2026-01-01 10:00:00+00:00'", "TIMESTAMP '2026-01-01 10:00:00+00:00'"),
				forms(ZonedDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneId.of("Asia/Kolkata")),
						"TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+05:30'", "'2026-01-01 05:30:00'",
						"TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+05:30'", "TIMESTAMP '2026-01-01 10:00:00+05:30'",
						"TIMESTAMP '2026-01-01 10:00:00+05:30'"),
				forms(new Integer[] { 1, null, 3 }, "ARRAY[1, NULL, 3]", UNWRITABLE, "ARRAY[1, NULL, 3]",
						"ARRAY[1, NULL, 3]", "ARRAY[1, NULL, 3]"),
				forms(new String[] { "a", "it's" }, "ARRAY['a', 'it''s']", UNWRITABLE, "ARRAY['a', 'it''s']",
						"ARRAY['a', 'it''s']", "ARRAY['a', 'it''s']"),
				forms(new long[0], "'{}'", UNWRITABLE, "ARRAY[]", "ARRAY[]", "ARRAY[]"),
				forms(jdbcArray("int4", 1, 2), "ARRAY[1, 2]::int4[]", UNWRITABLE, "ARRAY[1, 2]", "ARRAY[1, 2]",
						"ARRAY[1, 2]"),
				forms(jdbcArray("text"), "'{}'::text[]", UNWRITABLE, "ARRAY[]", "ARRAY[]", "ARRAY[]"),
				// No driver binds these: the plan must not guess
				same(TransactionMode.NONE, UNWRITABLE), same(Duration.ofSeconds(5), UNWRITABLE),
				same(new Object(), UNWRITABLE));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("literals")
	void writesEachValueAsTheDatabaseReadsIt(Forms forms) {
		SoftAssertions softly = new SoftAssertions();
		assertLiteral(softly, POSTGRESQL, forms.value(), forms.postgresql());
		assertLiteral(softly, MYSQL, forms.value(), forms.mysql());
		assertLiteral(softly, H2, forms.value(), forms.h2());
		assertLiteral(softly, HSQLDB, forms.value(), forms.hsqldb());
		assertLiteral(softly, STANDARD, forms.value(), forms.standard());
		softly.assertAll();
	}

	private static void assertLiteral(SoftAssertions softly, SqlLiteralStyle style, Object value, String expected) {
		String literal = SqlLiterals.literal(style, value);
		if (expected.equals(UNWRITABLE)) {
			softly.assertThat(literal).as(style.toString()).startsWith("/* migrate could not write").endsWith("*/ ?");
		}
		else {
			softly.assertThat(literal).as(style.toString()).isEqualTo(expected);
		}
	}

	@Test
	void saysWhyAValueCannotBeWrittenAndKeepsTheStatementFromRunning() {
		assertThat(SqlLiterals.literal(POSTGRESQL, Duration.ofSeconds(5)))
			.isEqualTo("/* migrate could not write this value for PostgreSQL (a java.time.Duration: no SQL literal for"
					+ " this type); replace the ? by hand */ ?");
		assertThat(SqlLiterals.literal(MYSQL, Double.NaN))
			.isEqualTo("/* migrate could not write this value for MySQL and MariaDB (NaN: MySQL and MariaDB have no"
					+ " NaN or infinite numbers); replace the ? by hand */ ?");
	}

	@Test
	void writesBackslashesAsPostgresReadsThemWithoutStandardConformingStrings() {
		SqlLiteralStyle postgres = POSTGRESQL.withBackslashEscapes(true);

		assertThat(SqlLiterals.literal(postgres, "C:\\new")).isEqualTo("E'C:\\\\new'");
		assertThat(SqlLiterals.literal(postgres, "it's")).isEqualTo("'it''s'");
		assertThat(SqlLiterals.literal(postgres, new byte[] { 1 })).isEqualTo("E'\\\\x01'::bytea");
	}

	@Test
	void writesBackslashesAsMySqlReadsThemWithNoBackslashEscapes() {
		SqlLiteralStyle mysql = MYSQL.withBackslashEscapes(false);

		assertThat(SqlLiterals.literal(mysql, "C:\\new")).isEqualTo("'C:\\new'");
		assertThat(SqlLiterals.literal(mysql, "it's")).isEqualTo("'it''s'");
	}

	@Test
	void choosesTheStyleFromTheProductName() {
		assertThat(SqlLiteralStyle.forProduct("PostgreSQL").kind()).isEqualTo(Kind.POSTGRESQL);
		assertThat(SqlLiteralStyle.forProduct("MariaDB").kind()).isEqualTo(Kind.MYSQL);
		assertThat(SqlLiteralStyle.forProduct("MySQL").kind()).isEqualTo(Kind.MYSQL);
		assertThat(SqlLiteralStyle.forProduct("H2").kind()).isEqualTo(Kind.H2);
		assertThat(SqlLiteralStyle.forProduct("HSQL Database Engine").kind()).isEqualTo(Kind.HSQLDB);
		assertThat(SqlLiteralStyle.forProduct("Apache Derby").kind()).isEqualTo(Kind.STANDARD);
		assertThat(SqlLiteralStyle.forProduct("MariaDB").backslashEscapes()).isTrue();
		assertThat(SqlLiteralStyle.forProduct("PostgreSQL").backslashEscapes()).isFalse();
		assertThat(SqlLiteralStyle.forProduct("H2").zone()).isEqualTo(ZoneId.systemDefault());
	}

	/**
	 * Statements whose parameters are in the same places on every database.
	 */
	static Stream<Arguments> statementsOnEveryDatabase() {
		return Stream.of(
				arguments("INSERT INTO t (a, b) VALUES (?, ?)", Map.of(1, 5, 2, "x"),
						"INSERT INTO t (a, b) VALUES (5, 'x')"),
				arguments("SELECT 1", Map.of(), "SELECT 1"),
				arguments("SELECT ? FROM t", Map.of(1, 1, 2, 2), "SELECT 1 FROM t"),
				arguments("SELECT * FROM t WHERE a = '?' AND b = ?", Map.of(1, 3),
						"SELECT * FROM t WHERE a = '?' AND b = 3"),
				arguments("SELECT * FROM t WHERE a = 'it''s ?' AND b = ?", Map.of(1, 3),
						"SELECT * FROM t WHERE a = 'it''s ?' AND b = 3"),
				arguments("SELECT '' || ?", Map.of(1, "x"), "SELECT '' || 'x'"),
				arguments("INSERT INTO t VALUES (?, ?)", Map.of(1, "what?", 2, "it's"),
						"INSERT INTO t VALUES ('what?', 'it''s')"),
				arguments("INSERT INTO t VALUES (?,?)", Map.of(1, true, 2, 12), "INSERT INTO t VALUES (TRUE,12)"),
				arguments("SELECT a -- why?\nFROM t WHERE b = ?", Map.of(1, 5), "SELECT a -- why?\nFROM t WHERE b = 5"),
				arguments("SELECT a /* who? */ FROM t WHERE b = ?", Map.of(1, 5),
						"SELECT a /* who? */ FROM t WHERE b = 5"),
				arguments("SELECT \"what?\" FROM t WHERE b = ?", Map.of(1, 5), "SELECT \"what?\" FROM t WHERE b = 5"),
				arguments("SELECT a FROM t -- last?", Map.of(1, 5), "SELECT a FROM t -- last?"),
				// A literal stays one token
				arguments("SELECT 5 -?", Map.of(1, -7), "SELECT 5 -(-7)"),
				arguments("SELECT 5-?", Map.of(1, 7), "SELECT 5-7"),
				arguments("SELECT * FROM t LIMIT?", Map.of(1, 5), "SELECT * FROM t LIMIT 5"),
				arguments("SELECT ?AS a", Map.of(1, 5), "SELECT 5 AS a"));
	}

	@ParameterizedTest(name = "{0} with {1} -> {2}")
	@MethodSource("statementsOnEveryDatabase")
	void inlinesBoundValuesInTheSamePlacesOnEveryDatabase(String sql, Map<Integer, Object> parameters,
			String expected) {
		for (SqlLiteralStyle style : new SqlLiteralStyle[] { POSTGRESQL, MYSQL, H2, HSQLDB, STANDARD }) {
			assertThat(SqlLiterals.inline(style, sql, parameters)).as(style.toString()).isEqualTo(expected);
		}
	}

	static Stream<Arguments> postgresStatements() {
		return Stream.of(arguments("SELECT $$what?$$, ?", "SELECT $$what?$$, 5"),
				arguments("CREATE FUNCTION f() RETURNS text AS $fn$ SELECT 'a?' || ? $fn$ LANGUAGE sql; SELECT f(?)",
						"CREATE FUNCTION f() RETURNS text AS $fn$ SELECT 'a?' || ? $fn$ LANGUAGE sql; SELECT f(5)"),
				arguments("SELECT $a$ $$? $b$ ? $a$, ?", "SELECT $a$ $$? $b$ ? $a$, 5"),
				// $ inside an identifier and $1 start no quote
				arguments("SELECT a$b$, ? FROM t WHERE c = $1", "SELECT a$b$, 5 FROM t WHERE c = $1"),
				// pgjdbc sends ?? as the operator ?
				arguments("SELECT data ??| array['a'] FROM t WHERE id = ?",
						"SELECT data ?| array['a'] FROM t WHERE id = 5"),
				arguments("SELECT data ??& array['a'] FROM t WHERE id = ?",
						"SELECT data ?& array['a'] FROM t WHERE id = 5"),
				arguments("SELECT data ?? 'a' FROM t WHERE id = ?", "SELECT data ? 'a' FROM t WHERE id = 5"),
				arguments("SELECT data ??| ?", "SELECT data ?| 5"),
				arguments("SELECT '??', \"??\", ?", "SELECT '??', \"??\", 5"),
				arguments("SELECT E'it\\'s ?', ?", "SELECT E'it\\'s ?', 5"),
				arguments("SELECT e'\\\\', ?", "SELECT e'\\\\', 5"),
				// A backslash is no escape in a standard string
				arguments("SELECT 'C:\\', ?", "SELECT 'C:\\', 5"),
				arguments("SELECT /* a /* nested? */ still a comment? */ ?",
						"SELECT /* a /* nested? */ still a comment? */ 5"),
				arguments("SELECT U&'?', ?", "SELECT U&'?', 5"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("postgresStatements")
	void inlinesBoundValuesWherePgjdbcSeesParameters(String sql, String expected) {
		assertThat(SqlLiterals.inline(POSTGRESQL, sql, Map.of(1, 5))).isEqualTo(expected);
	}

	@Test
	void readsBackslashEscapesInPostgresStringsWithoutStandardConformingStrings() {
		assertThat(SqlLiterals.inline(POSTGRESQL.withBackslashEscapes(true), "SELECT 'it\\'s ?', ?", Map.of(1, 5)))
			.isEqualTo("SELECT 'it\\'s ?', 5");
	}

	static Stream<Arguments> mysqlStatements() {
		return Stream.of(arguments("SELECT a # why?\nFROM t WHERE b = ?", "SELECT a # why?\nFROM t WHERE b = 5"),
				arguments("SELECT a --\twhy?\nFROM t WHERE b = ?", "SELECT a --\twhy?\nFROM t WHERE b = 5"),
				// MariaDB Connector/J finds no parameter after -- even without the space
				// MySQL needs
				arguments("SELECT 1--?\n, ?", "SELECT 1--?\n, 5"),
				// Comments do not nest
				arguments("SELECT /* a /* b? */ ?", "SELECT /* a /* b? */ 5"),
				// Nor in /*! ... */, which the server runs
				arguments("SELECT 1 /*!50000 + ? */ + ?", "SELECT 1 /*!50000 + ? */ + 5"),
				arguments("SELECT `what?` FROM t WHERE b = ?", "SELECT `what?` FROM t WHERE b = 5"),
				arguments("SELECT `a``?` FROM t WHERE b = ?", "SELECT `a``?` FROM t WHERE b = 5"),
				arguments("SELECT 'it\\'s ?', ?", "SELECT 'it\\'s ?', 5"),
				arguments("SELECT \"it\\\"s ?\", ?", "SELECT \"it\\\"s ?\", 5"),
				arguments("SELECT 'C:\\\\', ?", "SELECT 'C:\\\\', 5"), arguments("SELECT $$ ? $$", "SELECT $$ 5 $$"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("mysqlStatements")
	void inlinesBoundValuesWhereMariaDbSeesParameters(String sql, String expected) {
		assertThat(SqlLiterals.inline(MYSQL, sql, Map.of(1, 5))).isEqualTo(expected);
	}

	@Test
	void readsNoBackslashEscapesInMySqlStringsWithNoBackslashEscapes() {
		assertThat(SqlLiterals.inline(MYSQL.withBackslashEscapes(false), "SELECT 'C:\\', ?", Map.of(1, 5)))
			.isEqualTo("SELECT 'C:\\', 5");
	}

	static Stream<Arguments> h2Statements() {
		return Stream.of(arguments("SELECT a // why?\nFROM t WHERE b = ?", "SELECT a // why?\nFROM t WHERE b = 5"),
				arguments("SELECT /* a /* nested? */ still a comment? */ ?",
						"SELECT /* a /* nested? */ still a comment? */ 5"),
				arguments("SELECT $$what?$$, ?", "SELECT $$what?$$, 5"),
				arguments("SELECT `what?` FROM t WHERE b = ?", "SELECT `what?` FROM t WHERE b = 5"),
				arguments("SELECT ?2, ?1, ?2", "SELECT 'x', 5, 'x'"), arguments("SELECT 'C:\\', ?", "SELECT 'C:\\', 5"),
				// A literal after / stays out of a // comment
				arguments("SELECT 1/?", "SELECT 1/5"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("h2Statements")
	void inlinesBoundValuesWhereH2SeesParameters(String sql, String expected) {
		assertThat(SqlLiterals.inline(H2, sql, Map.of(1, 5, 2, "x"))).isEqualTo(expected);
	}

	@Test
	void keepsAValueThatCannotBeWrittenOutOfAComment() {
		assertThat(SqlLiterals.inline(H2, "SELECT 1/?", Map.of(1, Duration.ZERO))).startsWith("SELECT 1/ /* migrate");
	}

	static Stream<Arguments> hsqldbStatements() {
		return Stream.of(arguments("SELECT /* a /* b? */ ? FROM t", "SELECT /* a /* b? */ 5 FROM t"),
				arguments("SELECT $$, ? FROM t", "SELECT $$, 5 FROM t"),
				arguments("SELECT 'C:\\', ? FROM t", "SELECT 'C:\\', 5 FROM t"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("hsqldbStatements")
	void inlinesBoundValuesWhereHsqldbSeesParameters(String sql, String expected) {
		assertThat(SqlLiterals.inline(HSQLDB, sql, Map.of(1, 5))).isEqualTo(expected);
		assertThat(SqlLiterals.inline(STANDARD, sql, Map.of(1, 5))).isEqualTo(expected);
	}

	@Test
	void inlinesANullValueAsNull() {
		Map<Integer, Object> parameters = new HashMap<>();
		parameters.put(1, null);
		parameters.put(2, 9);

		assertThat(SqlLiterals.inline(STANDARD, "UPDATE t SET a = ? WHERE id = ?", parameters))
			.isEqualTo("UPDATE t SET a = NULL WHERE id = 9");
	}

	@Test
	void marksAParameterWithoutAValueSoThatTheStatementCannotRun() {
		assertThat(SqlLiterals.inline(POSTGRESQL, "UPDATE t SET a = ? WHERE b = ?", Map.of(2, 7)))
			.isEqualTo("UPDATE t SET a = /* migrate: parameter 1 has no value, so the driver would refuse this"
					+ " statement */ ? WHERE b = 7");
	}

	@Test
	void inlinesNothingWithoutAStatement() {
		assertThat(SqlLiterals.inline(STANDARD, null, Map.of(1, 5))).isEmpty();
	}

	private static java.sql.Array jdbcArray(String baseTypeName, Object... elements) {
		return (java.sql.Array) Proxy.newProxyInstance(SqlLiteralsTests.class.getClassLoader(),
				new Class<?>[] { java.sql.Array.class }, (proxy, method, args) -> switch (method.getName()) {
					case "getArray" -> elements;
					case "getBaseTypeName" -> baseTypeName;
					case "toString" -> baseTypeName + Arrays.toString(elements);
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

	private static Forms same(Object value, String literal) {
		return new Forms(value, literal, literal, literal, literal, literal);
	}

	private static Forms forms(Object value, String postgresql, String mysql, String h2, String hsqldb,
			String standard) {
		return new Forms(value, postgresql, mysql, h2, hsqldb, standard);
	}

	/**
	 * The literal of a value on each database.
	 */
	record Forms(Object value, String postgresql, String mysql, String h2, String hsqldb, String standard) {

		@Override
		public String toString() {
			String shown = (this.value instanceof byte[] bytes) ? Arrays.toString(bytes)
					: (this.value != null && this.value.getClass().isArray()) ? "array" : String.valueOf(this.value);
			return shown + " (" + ((this.value != null) ? this.value.getClass().getSimpleName() : "null") + ")";
		}

	}

}
