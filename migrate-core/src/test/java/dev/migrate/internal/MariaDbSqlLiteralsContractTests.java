package dev.migrate.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
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

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The contract of plan literals on MariaDB, with MariaDB Connector/J, in a JVM whose time
 * zone is not the server's.
 */
@RequiresDatabase(TestDatabase.MARIADB)
class MariaDbSqlLiteralsContractTests extends AbstractSqlLiteralsContractTests {

	private static final String TEXT = "VARCHAR(100) CHARACTER SET utf8mb4";

	@Override
	TestDatabase testDatabase() {
		return TestDatabase.MARIADB;
	}

	@Override
	ZoneId jvmZone() {
		return ZoneId.of("Europe/Paris");
	}

	@Override
	Stream<Arguments> literals() {
		return Stream.of(arguments("INT", null), arguments("BOOLEAN", true), arguments("BOOLEAN", false),
				arguments("INT", -7), arguments("BIGINT", Long.MIN_VALUE),
				arguments("DECIMAL(12,4)", new BigDecimal("12.50")),
				arguments("DECIMAL(30,2)", new BigDecimal("1E+20")), arguments("DOUBLE", 0.1d),
				arguments("DOUBLE", 1e300), arguments("FLOAT", 2.25f), arguments(TEXT, "O'Reilly"),
				arguments(TEXT, "C:\\new\\it\\'s"), arguments(TEXT, "line\nbreak\ttab"),
				arguments(TEXT, "nul\0 ctrl-z\u001a"), arguments(TEXT, "what? # -- /* \"q\" `b`"),
				arguments(TEXT, "Zoë € 😀"), arguments(TEXT, ""),
				arguments("VARBINARY(10)", new byte[] { 0, 0x1f, (byte) 0xff, '\\', '\'' }),
				arguments("VARBINARY(10)", new byte[0]),
				arguments("UUID", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
				arguments("CHAR(36)", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
				arguments("DATE", LocalDate.of(2026, 1, 1)), arguments("DATE", java.sql.Date.valueOf("2026-07-01")),
				arguments("TIME(6)", LocalTime.of(10, 0, 30, 123_456_789)), arguments("TIME", Time.valueOf("23:59:59")),
				arguments("DATETIME(6)", LocalDateTime.of(2026, 1, 1, 10, 0, 0, 123_456_789)),
				arguments("DATETIME(6)", Timestamp.valueOf("2026-07-01 10:00:00.5")),
				arguments("DATETIME", new Date(0)),
				arguments("DATETIME", OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(-3))),
				arguments("DATETIME", Instant.parse("2026-01-01T10:00:00Z")),
				arguments("DATETIME", ZonedDateTime.of(2026, 7, 1, 10, 0, 0, 0, ZoneId.of("Asia/Kolkata"))),
				arguments("TIMESTAMP(6) NULL", Timestamp.valueOf("2026-01-01 10:00:00.25")),
				arguments("TIMESTAMP NULL", OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(-3))));
	}

	@Override
	Stream<Arguments> unwritableValues() {
		return Stream.of(arguments("DOUBLE", Double.NaN), arguments("DOUBLE", Double.POSITIVE_INFINITY),
				arguments("TIME", OffsetTime.of(10, 0, 0, 0, ZoneOffset.UTC)), arguments("TEXT", new String[] { "a" }));
	}

	@Override
	Stream<Arguments> statements() {
		return Stream.of(values("SELECT ? /* a /* b */ + ?", 1, 2), values("SELECT ? # why?\n + ?", 1, 2),
				values("SELECT ? -- why?\n + ?", 1, 2), values("SELECT 5 -?", -7),
				values("SELECT `what?`, ? FROM (SELECT 1 AS `what?`) t", 5),
				values("SELECT 'it\\'s ?', \"it\\\"s ?\", 'C:\\\\', ?", "x"),
				values("SELECT CONCAT(?, ?)", "it's", "C:\\new"), values("SELECT ? = '2026-01-01 10:00:00'",
						OffsetDateTime.of(2026, 1, 1, 11, 0, 0, 0, ZoneOffset.ofHours(2))));
	}

	@Test
	void writesStringsForASessionWithNoBackslashEscapes() throws SQLException {
		writesStringsForTheSessionsSetting("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')",
				"SET SESSION sql_mode = DEFAULT", false);
	}

}
