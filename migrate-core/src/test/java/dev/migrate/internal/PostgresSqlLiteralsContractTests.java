package dev.migrate.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import java.util.stream.Stream;

import dev.migrate.TransactionMode;
import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The contract of plan literals on PostgreSQL, with pgjdbc, in a JVM whose time zone is
 * not the server's.
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresSqlLiteralsContractTests extends AbstractSqlLiteralsContractTests {

	@Override
	TestDatabase testDatabase() {
		return TestDatabase.POSTGRES;
	}

	@Override
	ZoneId jvmZone() {
		return ZoneId.of("Europe/Paris");
	}

	@Override
	Stream<Arguments> literals() {
		return Stream.of(arguments("integer", null), arguments("boolean", true), arguments("boolean", false),
				arguments("integer", -7), arguments("bigint", Long.MIN_VALUE),
				arguments("numeric(12,4)", new BigDecimal("12.50")),
				arguments("numeric(30,2)", new BigDecimal("1E+20")), arguments("double precision", 0.1d),
				arguments("double precision", 1e300), arguments("double precision", Double.NaN),
				arguments("double precision", Double.NEGATIVE_INFINITY), arguments("real", 2.25f),
				arguments("real", Float.POSITIVE_INFINITY), arguments("numeric", Double.NaN),
				arguments("text", "O'Reilly"), arguments("text", "C:\\new\\it\\'s"),
				arguments("text", "line\nbreak\ttab"), arguments("text", "what? $$ ?? -- /* "),
				arguments("text", "Zoë € 😀"), arguments("text", ""), arguments("varchar(1)", 'c'),
				arguments("bytea", new byte[] { 0, 0x1f, (byte) 0xff, '\\', '\'' }), arguments("bytea", new byte[0]),
				arguments("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
				arguments("varchar(36)", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
				arguments("date", LocalDate.of(2026, 1, 1)), arguments("date", java.sql.Date.valueOf("2026-07-01")),
				arguments("time", LocalTime.of(10, 0, 30, 123_456_789)), arguments("time", Time.valueOf("23:59:59")),
				arguments("timetz", OffsetTime.of(10, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))),
				arguments("timestamp", LocalDateTime.of(2026, 1, 1, 10, 0, 0, 123_456_789)),
				arguments("timestamp", LocalDateTime.of(2026, 12, 31, 23, 59, 59, 999_999_700)),
				arguments("timestamp", Timestamp.valueOf("2026-07-01 10:00:00.5")),
				arguments("timestamptz", Timestamp.valueOf("2026-01-01 10:00:00")),
				arguments("timestamptz", Timestamp.valueOf("2026-07-01 10:00:00")),
				arguments("timestamptz", new Date(0)), arguments("timestamp", new Date(0)),
				arguments("timestamptz", OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(-3))),
				arguments("integer[]", new Integer[] { 1, null, 3 }),
				arguments("text[]", new String[] { "a", "it's", "b,c" }), arguments("integer[]", new int[0]),
				arguments("bigint[]", new long[] { 1, 2 }));
	}

	@Override
	Stream<Arguments> unwritableValues() {
		return Stream.of(arguments("interval", Duration.ofSeconds(5)), arguments("text", TransactionMode.NONE),
				arguments("date", LocalDate.of(10000, 1, 1)));
	}

	@Override
	Stream<Arguments> statements() {
		return Stream.of(values("SELECT ?::int /* a ? /* b ? */ c ? */ + ?::int", 1, 2),
				values("SELECT ?::text -- why?\n || ?::text", "a", "b"), values("SELECT 1 AS \"what?\", ?::int", 5),
				values("SELECT $$what?$$, $fn$ 'a?' || ? $fn$, ?::int", 5),
				values("SELECT '{\"a\":1}'::jsonb ??| array['a'], '{\"a\":1}'::jsonb ??& array['b'],"
						+ " '{\"a\":1}'::jsonb ?? 'a', ?::int", 5),
				values("SELECT E'it\\'s ?', 'it''s ?', 'C:\\', ?::text", "x"),
				values("SELECT a$b$, ?::int FROM (SELECT 1 AS a$b$) t", 5), values("SELECT 5 -?::int", -7),
				values("SELECT ?::text || ?::text", "it's", "C:\\new"),
				values("SELECT ? = TIMESTAMPTZ '2026-01-01 09:00:00+00'", Timestamp.valueOf("2026-01-01 10:00:00")),
				values("SELECT pg_typeof(?), pg_typeof(?), pg_typeof(?)", LocalDateTime.of(2026, 1, 1, 0, 0),
						OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), UUID.randomUUID()));
	}

	@Test
	void writesStringsForASessionWithNonStandardStrings() throws SQLException {
		writesStringsForTheSessionsSetting("SET standard_conforming_strings = off", "RESET standard_conforming_strings",
				true);
	}

}
