package dev.migrate.internal;

import java.math.BigDecimal;
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
import java.util.Date;
import java.util.UUID;
import java.util.stream.Stream;

import dev.migrate.TransactionMode;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.params.provider.Arguments;

import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The contract of plan literals on H2.
 */
class H2SqlLiteralsContractTests extends AbstractSqlLiteralsContractTests {

	@Override
	TestDatabase testDatabase() {
		return TestDatabase.H2;
	}

	@Override
	Stream<Arguments> literals() {
		return Stream.of(arguments("INTEGER", null), arguments("BOOLEAN", true), arguments("INTEGER", -7),
				arguments("BIGINT", Long.MIN_VALUE), arguments("NUMERIC(12,4)", new BigDecimal("12.50")),
				arguments("NUMERIC(30,2)", new BigDecimal("1E+20")), arguments("DOUBLE PRECISION", 0.1d),
				arguments("DOUBLE PRECISION", Double.NaN), arguments("DOUBLE PRECISION", Double.NEGATIVE_INFINITY),
				arguments("REAL", 2.25f), arguments("REAL", Float.NaN), arguments("VARCHAR(100)", "O'Reilly"),
				arguments("VARCHAR(100)", "C:\\new\\it\\'s"), arguments("VARCHAR(100)", "line\nbreak\ttab"),
				arguments("VARCHAR(100)", "what? $$ // -- /* "), arguments("VARCHAR(100)", "Zoë € 😀"),
				arguments("CHARACTER(1)", 'c'), arguments("VARBINARY(10)", new byte[] { 0, 0x1f, (byte) 0xff }),
				arguments("VARBINARY(10)", new byte[0]),
				arguments("UUID", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
				arguments("DATE", LocalDate.of(2026, 1, 1)), arguments("DATE", java.sql.Date.valueOf("2026-07-01")),
				arguments("TIME(9)", LocalTime.of(10, 0, 30, 123_456_789)), arguments("TIME", Time.valueOf("23:59:59")),
				arguments("TIME WITH TIME ZONE", OffsetTime.of(10, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))),
				arguments("TIMESTAMP(9)", LocalDateTime.of(2026, 1, 1, 10, 0, 0, 123_456_789)),
				arguments("TIMESTAMP(9)", Timestamp.valueOf("2026-07-01 10:00:00.5")),
				arguments("TIMESTAMP", new Date(0)),
				arguments("TIMESTAMP WITH TIME ZONE",
						OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(-3))),
				arguments("TIMESTAMP WITH TIME ZONE", Instant.parse("2026-01-01T10:00:00Z")),
				arguments("TIMESTAMP WITH TIME ZONE",
						ZonedDateTime.of(2026, 7, 1, 10, 0, 0, 0, ZoneId.of("Europe/Paris"))),
				arguments("TIMESTAMP", OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(-3))),
				arguments("INTEGER ARRAY", new Integer[] { 1, null, 3 }),
				arguments("VARCHAR(10) ARRAY", new String[] { "a", "it's", "b,c" }),
				arguments("INTEGER ARRAY", new Integer[0]));
	}

	@Override
	Stream<Arguments> unwritableValues() {
		return Stream.of(arguments("VARCHAR(10)", TransactionMode.NONE), arguments("VARCHAR(10)", Duration.ZERO),
				arguments("DATE", LocalDate.of(10000, 1, 1)));
	}

	@Override
	Stream<Arguments> statements() {
		return Stream.of(values("SELECT CAST(?1 AS INT) + CAST(?2 AS INT) * CAST(?1 AS INT)", 2, 3),
				values("SELECT CAST(? AS INT) // why?\n + CAST(? AS INT)", 1, 2),
				values("SELECT CAST(? AS INT) /* a ? /* b ? */ c ? */ + CAST(? AS INT)", 1, 2),
				values("SELECT $$what?$$, CAST(? AS INT)", 5),
				values("SELECT `what?`, ? FROM (SELECT 1 AS `what?`)", 5),
				values("SELECT \"what?\", ? FROM (SELECT 1 AS \"what?\")", 5),
				values("SELECT 'it''s ?', 'C:\\', ?", "x"), values("SELECT 5 -CAST(? AS INT)", -7),
				values("SELECT 10/?", 5), values("SELECT ? || ?", "it's", "C:\\new"));
	}

}
