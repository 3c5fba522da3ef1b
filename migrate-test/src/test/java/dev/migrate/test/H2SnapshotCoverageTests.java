package dev.migrate.test;

import java.util.List;

import dev.migrate.testsupport.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link AbstractSnapshotCoverageTests} on H2 2.x: triggers (Java classes), functions
 * (Java aliases), domains, comments, column options, index kinds and schemas. H2 has no
 * per-column collation, no materialized views, no row-level security and no table engines
 * to choose.
 */
class H2SnapshotCoverageTests extends AbstractSnapshotCoverageTests {

	private static final String USERS = "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL,"
			+ " updated_at TIMESTAMP, email_key VARCHAR(100) GENERATED ALWAYS AS (LOWER(email)))";

	@Override
	TestDatabase database() {
		return TestDatabase.H2;
	}

	@Override
	String currentSchema(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT LOWER(CURRENT_SCHEMA)", String.class);
	}

	@Override
	void dropSchema(JdbcTemplate jdbc, String schema) {
		jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
	}

	@Override
	List<Case> cases() {
		return cases(
				Case.of("triggers", "trigger left behind")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("CREATE TRIGGER IF NOT EXISTS users_lower_email BEFORE INSERT ON users FOR EACH ROW CALL '"
							+ LowerEmailTrigger.class.getName() + "'")
					.down("DROP TRIGGER users_lower_email")
					.reports("trigger users_lower_email on users (BEFORE INSERT)"),
				Case.of("routines", "function (Java alias) left behind")
					.up("CREATE ALIAS IF NOT EXISTS normalize_email FOR '" + H2Functions.class.getName()
							+ ".normalizeEmail'")
					.down("DROP ALIAS normalize_email")
					.reports("function normalize_email"),
				Case.of("routines", "function (Java alias) pointed elsewhere")
					.given("CREATE ALIAS normalize_email FOR '" + H2Functions.class.getName() + ".normalizeEmail'")
					.givenDown("DROP ALIAS normalize_email")
					.up("DROP ALIAS IF EXISTS normalize_email",
							"CREATE ALIAS normalize_email FOR '" + H2Functions.class.getName() + ".shout'")
					.down("DROP ALIAS normalize_email",
							"CREATE ALIAS normalize_email FOR '" + H2Functions.class.getName() + ".normalizeEmail'")
					.reports("function normalize_email"),
				Case.of("types", "domain left behind")
					.up("CREATE DOMAIN IF NOT EXISTS email_address AS VARCHAR(200) CHECK (POSITION('@' IN VALUE) > 1)")
					.down("DROP DOMAIN email_address")
					.reports("domain email_address"),
				Case.of("comments", "comment on table")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("COMMENT ON TABLE users IS 'People who sign in'")
					.down("COMMENT ON TABLE users IS NULL")
					.reports("comment on table users"),
				Case.of("comments", "comment on column")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("COMMENT ON COLUMN users.email IS 'Where we write'")
					.down("COMMENT ON COLUMN users.email IS NULL")
					.reports("comment on column users.email"),
				Case.of("comments", "comment on view")
					.given(USERS, "CREATE VIEW user_emails AS SELECT id, email FROM users")
					.givenDown("DROP VIEW user_emails", "DROP TABLE users")
					.up("COMMENT ON VIEW user_emails IS 'Addresses only'")
					.down("COMMENT ON VIEW user_emails IS NULL")
					.reports("comment on view user_emails"),
				Case.of("comments", "comment on index")
					.given(USERS, "CREATE INDEX users_email_idx ON users(email)")
					.givenDown("DROP TABLE users")
					.up("COMMENT ON INDEX users_email_idx IS 'For sign-in'")
					.down("COMMENT ON INDEX users_email_idx IS NULL")
					.reports("comment on index users_email_idx"),
				Case.of("comments", "comment on domain")
					.given("CREATE DOMAIN email_address AS VARCHAR(200)")
					.givenDown("DROP DOMAIN email_address")
					.up("COMMENT ON DOMAIN email_address IS 'An e-mail address'")
					.down("COMMENT ON DOMAIN email_address IS NULL")
					.reports("comment on domain email_address"),
				Case.of("column options", "ON UPDATE left behind")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("ALTER TABLE users ALTER COLUMN updated_at SET ON UPDATE CURRENT_TIMESTAMP")
					.down("ALTER TABLE users ALTER COLUMN updated_at DROP ON UPDATE")
					.reports("column users.updated_at"),
				Case.of("column options", "generated expression not restored")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("ALTER TABLE users DROP COLUMN IF EXISTS email_key",
							"ALTER TABLE users ADD COLUMN email_key VARCHAR(100) GENERATED ALWAYS AS (UPPER(email))")
					.down("ALTER TABLE users DROP COLUMN email_key",
							"ALTER TABLE users ADD COLUMN email_key VARCHAR(100) GENERATED ALWAYS AS (LOWER(email))")
					.wrongDown("ALTER TABLE users DROP COLUMN email_key",
							"ALTER TABLE users ADD COLUMN email_key VARCHAR(100) GENERATED ALWAYS AS (UPPER(email))")
					.reports("column users.email_key"),
				Case.of("column options", "identity increment left changed")
					.given("CREATE TABLE counters (id INT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY)")
					.givenDown("DROP TABLE counters")
					.up("ALTER TABLE counters ALTER COLUMN id SET INCREMENT BY 10")
					.down("ALTER TABLE counters ALTER COLUMN id SET INCREMENT BY 1")
					.reports("column counters.id"),
				Case.of("index options", "hash index left in place of a plain one")
					.given(USERS, "CREATE INDEX users_email_idx ON users(email)")
					.givenDown("DROP TABLE users")
					.up("DROP INDEX IF EXISTS users_email_idx", "CREATE HASH INDEX users_email_idx ON users(email)")
					.down("DROP INDEX users_email_idx", "CREATE INDEX users_email_idx ON users(email)")
					.reports("index users_email_idx"),
				Case.of("index options", "NULLS NOT DISTINCT left behind")
					.given(USERS, "CREATE UNIQUE INDEX users_email_key ON users(email_key)")
					.givenDown("DROP TABLE users")
					.up("DROP INDEX IF EXISTS users_email_key",
							"CREATE UNIQUE NULLS NOT DISTINCT INDEX users_email_key ON users(email_key)")
					.down("DROP INDEX users_email_key", "CREATE UNIQUE INDEX users_email_key ON users(email_key)")
					.reports("index users_email_key"),
				Case.of("schemas", "new schema left behind")
					.up("CREATE SCHEMA IF NOT EXISTS ${extra}")
					.down("DROP SCHEMA ${extra}")
					.reports("schema ${extra}"),
				Case.of("schemas", "table left in another schema")
					.given("CREATE SCHEMA ${extra}")
					.givenDown("DROP SCHEMA ${extra}")
					.up("CREATE TABLE IF NOT EXISTS ${extra}.audit (id INT PRIMARY KEY, message VARCHAR(200))")
					.down("DROP TABLE ${extra}.audit")
					.reports("table ${extra}.audit"),
				Case.of("schemas", "view left in another schema")
					.given(USERS, "CREATE SCHEMA ${extra}")
					.givenDown("DROP SCHEMA ${extra}", "DROP TABLE users")
					.up("CREATE OR REPLACE VIEW ${extra}.user_emails AS SELECT email FROM ${schema}.users")
					.down("DROP VIEW ${extra}.user_emails")
					.reports("view ${extra}.user_emails"));
	}

}
