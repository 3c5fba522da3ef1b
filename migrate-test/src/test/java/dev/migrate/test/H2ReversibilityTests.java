package dev.migrate.test;

import java.util.List;

import dev.migrate.testsupport.TestDatabase;

/**
 * {@link AbstractReversibilityTests} on H2 2.x, which always runs.
 */
class H2ReversibilityTests extends AbstractReversibilityTests {

	@Override
	TestDatabase database() {
		return TestDatabase.H2;
	}

	@Override
	String varchar(int length) {
		return "CHARACTER VARYING(" + length + ")";
	}

	@Override
	String intType() {
		return "INTEGER";
	}

	@Override
	List<String> makeEmailShorterAndNullable() {
		return List.of("ALTER TABLE users ALTER COLUMN email SET DATA TYPE VARCHAR(50)",
				"ALTER TABLE users ALTER COLUMN email SET NULL");
	}

}
