package dev.migrate.test;

import java.util.List;

import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

/**
 * {@link AbstractReversibilityTests} on PostgreSQL: the local server, else an embedded
 * one; skipped with the reason when neither is available.
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresReversibilityTests extends AbstractReversibilityTests {

	@Override
	TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

	@Override
	String varchar(int length) {
		return "VARCHAR(" + length + ")";
	}

	@Override
	String intType() {
		return "INT4";
	}

	@Override
	List<String> makeEmailShorterAndNullable() {
		return List.of("ALTER TABLE users ALTER COLUMN email TYPE VARCHAR(50)",
				"ALTER TABLE users ALTER COLUMN email DROP NOT NULL");
	}

}
