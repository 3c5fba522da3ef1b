package dev.migrate.lock;

import java.time.Duration;

import dev.migrate.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the names and keys of the locks: history tables of the same name in different
 * schemas get different locks. No database: a schema is always given, so no lock asks a
 * connection for the current one.
 */
class LockNamesTests {

	private static final SimpleDriverDataSource DATA_SOURCE = new SimpleDriverDataSource();

	@ParameterizedTest(name = "{0}: {1}.{2} -> {3}")
	@CsvSource(delimiter = '|', textBlock = """
			H2                   | app   | migrate_history | app.migrate_history_lock
			HSQL Database Engine | app   | history         | app.history_lock
			Oracle               | SALES | MIGRATE_HISTORY | SALES.MIGRATE_HISTORY_lock
			""")
	void tableLockIsTheHistoryTableWithALockSuffix(String productName, String schema, String historyTable,
			String expected) {
		PollingLock lock = (PollingLock) MigrationLocks.create(Dialects.forProductName(productName), DATA_SOURCE,
				schema, historyTable, Duration.ofSeconds(30));

		assertThat(lock.name()).isEqualTo(expected);
	}

	@Test
	void tableLockWithoutSchemaIsTheTableAlone() {
		TableLock lock = new TableLock(DATA_SOURCE, Dialects.forProductName("H2"), null, "migrate_history_lock",
				Duration.ofSeconds(30));

		assertThat(lock.name()).isEqualTo("migrate_history_lock");
	}

	@ParameterizedTest(name = "{0}.{1} -> {2}")
	@CsvSource({ "app, migrate_history, GET_LOCK('migrate:app.migrate_history')",
			"other, migrate_history, GET_LOCK('migrate:other.migrate_history')" })
	void mySqlNamedLockIsNamedAfterDatabaseAndTable(String schema, String historyTable, String expected) {
		assertThat(new MySqlNamedLock(DATA_SOURCE, schema, historyTable).name()).isEqualTo(expected);
	}

	@Test
	void mySqlNamedLockOfALongNameIsShortenedAndStaysDistinct() {
		String schema = "a_rather_long_database_name_for_tenant";
		String first = lockName(new MySqlNamedLock(DATA_SOURCE, schema, "migration_history_of_the_billing_service_1"));
		String second = lockName(new MySqlNamedLock(DATA_SOURCE, schema, "migration_history_of_the_billing_service_2"));

		assertThat(first).hasSize(64).startsWith("migrate:" + schema).matches(".*#[0-9a-f]{8}");
		assertThat(second).hasSize(64).isNotEqualTo(first);
	}

	@Test
	void mySqlNamedLockOfSixtyFourCharactersIsKept() {
		String table = "t".repeat(64 - "migrate:app.".length());

		assertThat(lockName(new MySqlNamedLock(DATA_SOURCE, "app", table))).isEqualTo("migrate:app." + table);
	}

	@ParameterizedTest(name = "{0}.{1} and {2}.{3}: same key {4}")
	@CsvSource({ "app, migrate_history, app, migrate_history, true", "app, migrate_history, APP, MIGRATE_HISTORY, true",
			"app, migrate_history, other, migrate_history, false", "app, migrate_history, app, history, false" })
	void postgresAdvisoryLockKeyIsTheCaseInsensitiveQualifiedTable(String schema1, String table1, String schema2,
			String table2, boolean same) {
		String first = new PostgresAdvisoryLock(DATA_SOURCE, schema1, table1).name();
		String second = new PostgresAdvisoryLock(DATA_SOURCE, schema2, table2).name();

		assertThat(first).matches("pg_advisory_lock\\(1835624306, -?[0-9]+\\)");
		assertThat(first.equals(second)).isEqualTo(same);
	}

	private static String lockName(MySqlNamedLock lock) {
		String name = lock.name();
		return name.substring("GET_LOCK('".length(), name.length() - "')".length());
	}

}
