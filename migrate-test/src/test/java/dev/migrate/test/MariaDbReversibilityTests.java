package dev.migrate.test;

import java.util.List;

import dev.migrate.schema.SchemaObject;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.SchemaObject.Kind;
import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AbstractReversibilityTests} on MariaDB: the local server; skipped with the
 * reason when it is not reachable.
 */
@RequiresDatabase(TestDatabase.MARIADB)
class MariaDbReversibilityTests extends AbstractReversibilityTests {

	@Override
	TestDatabase database() {
		return TestDatabase.MARIADB;
	}

	@Override
	String varchar(int length) {
		return "VARCHAR(" + length + ")";
	}

	@Override
	String intType() {
		return "INT";
	}

	@Override
	List<String> makeEmailShorterAndNullable() {
		return List.of("ALTER TABLE users MODIFY email VARCHAR(50) NULL");
	}

	@Override
	void assertUniqueEmail(SchemaSnapshot snapshot) {
		// MariaDB keeps unique constraints as unique indexes only.
		assertThat(snapshot.objects(Kind.UNIQUE_CONSTRAINT)).isEmpty();
		assertThat(snapshot.objects(Kind.INDEX)).extracting(SchemaObject::description)
			.contains("unique index users_email_key on users(email)");
	}

}
