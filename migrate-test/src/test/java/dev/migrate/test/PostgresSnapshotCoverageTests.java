package dev.migrate.test;

import java.sql.Connection;
import java.util.List;

import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.SchemaTable;
import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AbstractSnapshotCoverageTests} on PostgreSQL: the local server, else an embedded
 * one; skipped with the reason when neither is available.
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresSnapshotCoverageTests extends AbstractSnapshotCoverageTests {

	private static final String USERS = "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL, name VARCHAR(100),"
			+ " email_key VARCHAR(100) GENERATED ALWAYS AS (LOWER(email)) STORED)";

	private static final String LOWER_EMAIL = """
			CREATE OR REPLACE FUNCTION lower_email() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
				NEW.email := lower(NEW.email);
				RETURN NEW;
			END $$""";

	private static final String DOCS = "CREATE TABLE docs (id INT PRIMARY KEY, tags TEXT[], body JSONB,"
			+ " during TSRANGE, created_at TIMESTAMP)";

	@Override
	TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

	@Override
	String currentSchema(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT current_schema()", String.class);
	}

	@Override
	void dropSchema(JdbcTemplate jdbc, String schema) {
		jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
	}

	private static String once(String statement) {
		return "DO $$ BEGIN " + statement + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$";
	}

	private static Case indexMethod(String method, String column) {
		return Case.of("index options", method + " index left in place of a btree")
			.given(DOCS, "CREATE INDEX docs_" + column + "_idx ON docs (" + column + ")")
			.givenDown("DROP TABLE docs")
			.up("DROP INDEX IF EXISTS docs_" + column + "_idx",
					"CREATE INDEX docs_" + column + "_idx ON docs USING " + method + " (" + column + ")")
			.down("DROP INDEX docs_" + column + "_idx", "CREATE INDEX docs_" + column + "_idx ON docs (" + column + ")")
			.reports("index docs_" + column + "_idx on docs(" + column + ") is now on docs(" + column + ") USING "
					+ method);
	}

	private static Case comment(String on, String object, String given, String givenDown) {
		return Case.of("comments", "comment on " + on)
			.given(USERS, given)
			.givenDown(givenDown, "DROP TABLE users")
			.up("COMMENT ON " + on.toUpperCase(java.util.Locale.ROOT) + " " + object + " IS 'Written by up'")
			.down("COMMENT ON " + on.toUpperCase(java.util.Locale.ROOT) + " " + object + " IS NULL")
			.reports("comment on " + on + " " + object);
	}

	@Override
	List<Case> cases() {
		List<Case> cases = cases(
				Case.of("triggers", "trigger left behind")
					.given(USERS, LOWER_EMAIL)
					.givenDown("DROP FUNCTION lower_email()", "DROP TABLE users")
					.up("CREATE OR REPLACE TRIGGER users_lower_email BEFORE INSERT ON users"
							+ " FOR EACH ROW EXECUTE FUNCTION lower_email()")
					.down("DROP TRIGGER users_lower_email ON users")
					.reports("trigger users_lower_email on users (BEFORE INSERT)"),
				Case.of("routines", "trigger function left behind")
					.up(LOWER_EMAIL)
					.down("DROP FUNCTION lower_email()")
					.reports("function lower_email()"),
				Case.of("routines", "function left behind")
					.up("CREATE OR REPLACE FUNCTION add_tax(amount NUMERIC) RETURNS NUMERIC"
							+ " LANGUAGE sql IMMUTABLE AS 'SELECT amount * 1.2'")
					.down("DROP FUNCTION add_tax(NUMERIC)")
					.reports("function add_tax(amount numeric)"),
				Case.of("routines", "procedure left behind")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("CREATE OR REPLACE PROCEDURE purge_users() LANGUAGE sql AS 'DELETE FROM users WHERE id < 0'")
					.down("DROP PROCEDURE purge_users()")
					.reports("procedure purge_users()"),
				Case.of("routines", "function body not restored")
					.given("CREATE FUNCTION add_tax(amount NUMERIC) RETURNS NUMERIC LANGUAGE sql AS 'SELECT amount * 1.2'")
					.givenDown("DROP FUNCTION add_tax(NUMERIC)")
					.up("CREATE OR REPLACE FUNCTION add_tax(amount NUMERIC) RETURNS NUMERIC"
							+ " LANGUAGE sql AS 'SELECT amount * 1.25'")
					.down("CREATE OR REPLACE FUNCTION add_tax(amount NUMERIC) RETURNS NUMERIC"
							+ " LANGUAGE sql AS 'SELECT amount * 1.2'")
					.reports("function add_tax(amount numeric)"),
				Case.of("types", "enum left behind")
					.up(once("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')"))
					.down("DROP TYPE mood")
					.reports("enum type mood ('sad', 'ok', 'happy')"),
				Case.of("types", "enum label left behind")
					.given("CREATE TYPE mood AS ENUM ('sad', 'ok')")
					.givenDown("DROP TYPE mood")
					.up("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'happy'")
					.down("ALTER TYPE mood RENAME TO mood_old", "CREATE TYPE mood AS ENUM ('sad', 'ok')",
							"DROP TYPE mood_old")
					.reports("enum type mood ('sad', 'ok') is now ('sad', 'ok', 'happy')"),
				Case.of("types", "domain left behind")
					.up(once("CREATE DOMAIN email_address AS TEXT CHECK (VALUE LIKE '%@%')"))
					.down("DROP DOMAIN email_address")
					.reports("domain email_address"),
				Case.of("types", "domain constraint left behind")
					.given("CREATE DOMAIN email_address AS TEXT")
					.givenDown("DROP DOMAIN email_address")
					.up(once("ALTER DOMAIN email_address ADD CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%')"))
					.down("ALTER DOMAIN email_address DROP CONSTRAINT email_has_at")
					.reports("domain email_address"),
				Case.of("types", "composite type left behind")
					.up(once("CREATE TYPE address AS (street TEXT, city TEXT)"))
					.down("DROP TYPE address")
					.reports("composite type address (street text, city text)"),
				Case.of("extensions", "extension left behind")
					.up("CREATE EXTENSION IF NOT EXISTS citext")
					.down("DROP EXTENSION citext")
					.reports("extension citext"),
				Case.of("materialized views", "materialized view left behind")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("CREATE MATERIALIZED VIEW IF NOT EXISTS user_emails AS SELECT id, email FROM users")
					.down("DROP MATERIALIZED VIEW user_emails")
					.reports("materialized view user_emails"),
				Case.of("materialized views", "index on a materialized view left behind")
					.given(USERS, "CREATE MATERIALIZED VIEW user_emails AS SELECT id, email FROM users")
					.givenDown("DROP MATERIALIZED VIEW user_emails", "DROP TABLE users")
					.up("CREATE INDEX IF NOT EXISTS user_emails_email_idx ON user_emails (email)")
					.down("DROP INDEX user_emails_email_idx")
					.reports("index user_emails_email_idx on user_emails(email)"),
				comment("table", "users", "SELECT 1", "SELECT 1"),
				comment("column", "users.email", "SELECT 1", "SELECT 1"),
				comment("view", "user_emails", "CREATE VIEW user_emails AS SELECT email FROM users",
						"DROP VIEW user_emails"),
				comment("index", "users_email_idx", "CREATE INDEX users_email_idx ON users (email)",
						"DROP INDEX users_email_idx"),
				comment("type", "mood", "CREATE TYPE mood AS ENUM ('sad', 'ok')", "DROP TYPE mood"),
				Case.of("collation", "column COLLATE left behind")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("ALTER TABLE users ALTER COLUMN name TYPE VARCHAR(100) COLLATE \"C\"")
					.down("ALTER TABLE users ALTER COLUMN name TYPE VARCHAR(100) COLLATE \"default\"")
					.reports("column users.name"),
				Case.of("column options", "identity increment left changed")
					.given("CREATE TABLE counters (id INT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY)")
					.givenDown("DROP TABLE counters")
					.up("ALTER TABLE counters ALTER COLUMN id SET INCREMENT BY 10")
					.down("ALTER TABLE counters ALTER COLUMN id SET INCREMENT BY 1")
					.reports("column counters.id"),
				Case.of("column options", "identity left ALWAYS")
					.given("CREATE TABLE counters (id INT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY)")
					.givenDown("DROP TABLE counters")
					.up("ALTER TABLE counters ALTER COLUMN id SET GENERATED ALWAYS")
					.down("ALTER TABLE counters ALTER COLUMN id SET GENERATED BY DEFAULT")
					.reports("column counters.id"),
				Case.of("column options", "generated expression not restored")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("ALTER TABLE users DROP COLUMN IF EXISTS email_key",
							"ALTER TABLE users ADD COLUMN email_key"
									+ " VARCHAR(100) GENERATED ALWAYS AS (UPPER(email)) STORED")
					.down("ALTER TABLE users DROP COLUMN email_key",
							"ALTER TABLE users ADD COLUMN email_key"
									+ " VARCHAR(100) GENERATED ALWAYS AS (LOWER(email)) STORED")
					.wrongDown("ALTER TABLE users DROP COLUMN email_key",
							"ALTER TABLE users ADD COLUMN email_key"
									+ " VARCHAR(100) GENERATED ALWAYS AS (UPPER(email)) STORED")
					.reports("column users.email_key"),
				indexMethod("hash", "created_at"), indexMethod("gin", "tags"), indexMethod("gist", "during"),
				indexMethod("brin", "created_at"),
				Case.of("index options", "INCLUDE columns left behind")
					.given(USERS, "CREATE INDEX users_email_idx ON users (email)")
					.givenDown("DROP TABLE users")
					.up("DROP INDEX IF EXISTS users_email_idx",
							"CREATE INDEX users_email_idx ON users (email) INCLUDE (id)")
					.down("DROP INDEX users_email_idx", "CREATE INDEX users_email_idx ON users (email)")
					.reports("index users_email_idx"),
				Case.of("index options", "NULLS NOT DISTINCT left behind")
					.given(USERS, "CREATE UNIQUE INDEX users_email_key ON users (email_key)")
					.givenDown("DROP TABLE users")
					.up("DROP INDEX IF EXISTS users_email_key",
							"CREATE UNIQUE INDEX users_email_key ON users (email_key) NULLS NOT DISTINCT")
					.down("DROP INDEX users_email_key", "CREATE UNIQUE INDEX users_email_key ON users (email_key)")
					.reports("index users_email_key"),
				Case.of("table options", "UNLOGGED left behind")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("ALTER TABLE users SET UNLOGGED")
					.down("ALTER TABLE users SET LOGGED")
					.reports("table users"),
				Case.of("table options", "partitioned table left behind")
					.up("CREATE TABLE IF NOT EXISTS events (id INT, at DATE NOT NULL) PARTITION BY RANGE (at)",
							"CREATE TABLE IF NOT EXISTS events_2024 PARTITION OF events"
									+ " FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")
					.down("DROP TABLE events")
					.wrongDown("DROP TABLE events_2024")
					.reports("table events"),
				Case.of("table options", "partition left attached")
					.given("CREATE TABLE events (id INT, at DATE NOT NULL) PARTITION BY RANGE (at)",
							"CREATE TABLE events_2024 (id INT, at DATE NOT NULL)")
					.givenDown("DROP TABLE events_2024", "DROP TABLE events")
					.up("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = 'events_2024'::regclass)"
							+ " THEN ALTER TABLE events ATTACH PARTITION events_2024"
							+ " FOR VALUES FROM ('2024-01-01') TO ('2025-01-01'); END IF; END $$")
					.down("ALTER TABLE events DETACH PARTITION events_2024")
					.reports("table events_2024"),
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
				Case.of("schemas", "function left in another schema")
					.given("CREATE SCHEMA ${extra}")
					.givenDown("DROP SCHEMA ${extra}")
					.up("CREATE OR REPLACE FUNCTION ${extra}.answer() RETURNS INT LANGUAGE sql AS 'SELECT 42'")
					.down("DROP FUNCTION ${extra}.answer()")
					.reports("function ${extra}.answer()"),
				Case.of("row-level security", "row-level security left enabled")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("ALTER TABLE users ENABLE ROW LEVEL SECURITY")
					.down("ALTER TABLE users DISABLE ROW LEVEL SECURITY")
					.reports("table users"),
				Case.of("row-level security", "policy left behind")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("DROP POLICY IF EXISTS users_own ON users",
							"CREATE POLICY users_own ON users USING (email = current_user)")
					.down("DROP POLICY users_own ON users")
					.reports("policy users_own on users"),
				Case.of("grants", "grant on a table left behind")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("GRANT SELECT ON users TO PUBLIC")
					.down("REVOKE SELECT ON users FROM PUBLIC")
					.reports("grant SELECT on table users to PUBLIC"),
				Case.of("grants", "revoked function execution not restored")
					.given("CREATE FUNCTION answer() RETURNS INT LANGUAGE sql AS 'SELECT 42'")
					.givenDown("DROP FUNCTION answer()")
					.up("REVOKE EXECUTE ON FUNCTION answer() FROM PUBLIC")
					.down("GRANT EXECUTE ON FUNCTION answer() TO PUBLIC")
					.reports("revoked EXECUTE on function answer() from PUBLIC is still there"));
		return cases;
	}

	@Test
	void readsWithoutJitAndGivesTheSessionItsOwnSettingBack() throws Exception {
		try (TestDatabase.Isolated isolated = database().createIsolated();
				Connection connection = isolated.dataSource().getConnection()) {
			SingleConnectionDataSource session = new SingleConnectionDataSource(connection, true);
			JdbcTemplate jdbc = new JdbcTemplate(session);
			jdbc.execute("SET jit = on");
			jdbc.execute("CREATE TABLE t (id INT PRIMARY KEY)");
			assertThat(SchemaSnapshot.of(session).tables()).extracting(SchemaTable::name).contains("t");
			assertThat(jdbc.queryForObject("SELECT current_setting('jit')", String.class)).isEqualTo("on");
			jdbc.execute("SET jit = off");
			SchemaSnapshot.of(session);
			assertThat(jdbc.queryForObject("SELECT current_setting('jit')", String.class)).isEqualTo("off");
		}
	}

}
