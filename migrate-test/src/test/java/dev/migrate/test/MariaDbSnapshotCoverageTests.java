package dev.migrate.test;

import java.util.List;
import java.util.Map;

import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.SchemaObject.Kind;
import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AbstractSnapshotCoverageTests} on MariaDB: the local server; skipped with the
 * reason when it is not reachable. MariaDB has no user-defined types, extensions,
 * materialized views or row-level security; its schemas are databases.
 */
@RequiresDatabase(TestDatabase.MARIADB)
class MariaDbSnapshotCoverageTests extends AbstractSnapshotCoverageTests {

	private static final String USERS = "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL,"
			+ " quantity INT NOT NULL DEFAULT 0, note VARCHAR(20), updated_at DATETIME NULL,"
			+ " email_key VARCHAR(100) AS (LOWER(email)) VIRTUAL)";

	@Override
	TestDatabase database() {
		return TestDatabase.MARIADB;
	}

	@Override
	String currentSchema(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT DATABASE()", String.class);
	}

	@Override
	void dropSchema(JdbcTemplate jdbc, String schema) {
		jdbc.execute("DROP DATABASE IF EXISTS " + schema);
	}

	private static Case modify(String category, String name, String column, String changed, String original) {
		return Case.of(category, name)
			.given(USERS)
			.givenDown("DROP TABLE users")
			.up("ALTER TABLE users MODIFY " + column + " " + changed)
			.down("ALTER TABLE users MODIFY " + column + " " + original)
			.reports("column users." + column);
	}

	private static Case replaceIndex(String name, String table, String given, String changed) {
		return replaceIndex("index options", name, table, given, changed);
	}

	private static Case replaceIndex(String category, String name, String table, String given, String changed) {
		return Case.of(category, name)
			.given(table, given)
			.givenDown(table.substring(0, table.indexOf('(')).replace("CREATE TABLE", "DROP TABLE"))
			.up("DROP INDEX IF EXISTS " + indexName(given) + " ON " + tableName(table), changed)
			.down("DROP INDEX " + indexName(given) + " ON " + tableName(table), given)
			.reports("index " + indexName(given));
	}

	private static String tableName(String create) {
		return create.substring("CREATE TABLE ".length(), create.indexOf(' ', "CREATE TABLE ".length()));
	}

	private static String indexName(String create) {
		String[] words = create.split(" ");
		for (int i = 0; i < words.length; i++) {
			if (words[i].equals("INDEX")) {
				return words[i + 1];
			}
		}
		throw new IllegalArgumentException(create);
	}

	@Test
	void reportsWhatTheAccountMayNotReadAsNotChecked() {
		try (TestDatabase.Isolated isolated = database().createIsolated()) {
			JdbcTemplate root = new JdbcTemplate(isolated.dataSource());
			String schema = currentSchema(root);
			String user = schema + "_ro";
			root.execute("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100))");
			root.execute("CREATE TRIGGER users_lower_email BEFORE INSERT ON users FOR EACH ROW"
					+ " SET NEW.email = LOWER(NEW.email)");
			root.execute("CREATE PROCEDURE purge_users() BEGIN DELETE FROM users WHERE id < 0; END");
			root.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'secret'");
			try {
				root.execute("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, EXECUTE ON " + schema
						+ ".* TO '" + user + "'@'%'");
				SchemaSnapshot snapshot = SchemaSnapshot
					.of(new DriverManagerDataSource(isolated.url(), user, "secret"));
				assertThat(snapshot.objects(Kind.TRIGGER)).isEmpty();
				assertThat(snapshot.notChecked()).satisfiesExactlyInAnyOrder(
						(line) -> assertThat(line)
							.startsWith("triggers in " + schema + " (the account lacks the" + " TRIGGER privilege"),
						(line) -> assertThat(line)
							.startsWith("events in " + schema + " (the account lacks the" + " EVENT privilege"),
						(line) -> assertThat(line).startsWith("bodies of routines in " + schema + " (purge_users)"));
				assertThat(snapshot.toString()).contains("not checked: triggers in " + schema);
				assertThat(SchemaSnapshot.of(isolated.dataSource()).notChecked()).as("as root").isEmpty();
			}
			finally {
				root.execute("DROP USER '" + user + "'@'%'");
			}
		}
	}

	@Test
	void reportsNotCheckedCategoriesOnceInTheVerifierReport() {
		try (TestDatabase.Isolated isolated = database().createIsolated()) {
			JdbcTemplate root = new JdbcTemplate(isolated.dataSource());
			String schema = currentSchema(root);
			String user = schema + "_ro";
			root.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'secret'");
			try {
				root.execute("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX ON " + schema + ".* TO '"
						+ user + "'@'%'");
				ReversibilityReport report = ReversibilityVerifier
					.of(new DriverManagerDataSource(isolated.url(), user, "secret"),
							Map.of("given",
									new Given(List.of("CREATE TABLE users (id INT PRIMARY KEY)"),
											List.of("DROP TABLE users")),
									"change", new Change(List.of("CREATE INDEX users_id_idx ON users (id)"),
											List.of("DROP INDEX users_id_idx ON users"))))
					.verify();
				assertThat(report.notChecked()).containsExactly(
						"triggers in " + schema + " (the account lacks the TRIGGER privilege, and MariaDB lists"
								+ " triggers only to accounts that have it)",
						"events in " + schema + " (the account lacks the EVENT privilege, and MariaDB lists events"
								+ " only to accounts that have it)");
				assertThat(report.toString()).contains("not checked: triggers in " + schema);
			}
			finally {
				root.execute("DROP USER '" + user + "'@'%'");
			}
		}
	}

	@Override
	List<Case> cases() {
		return cases(
				Case.of("triggers", "trigger left behind")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("CREATE TRIGGER IF NOT EXISTS users_lower_email BEFORE INSERT ON users"
							+ " FOR EACH ROW SET NEW.email = LOWER(NEW.email)")
					.down("DROP TRIGGER users_lower_email")
					.reports("trigger users_lower_email on users (BEFORE INSERT)"),
				Case.of("routines", "procedure left behind")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("CREATE OR REPLACE PROCEDURE purge_users() BEGIN DELETE FROM users WHERE id < 0; END")
					.down("DROP PROCEDURE purge_users")
					.reports("procedure purge_users()"),
				Case.of("routines", "function left behind")
					.up("CREATE OR REPLACE FUNCTION add_tax(amount DECIMAL(10,2)) RETURNS DECIMAL(10,2)"
							+ " DETERMINISTIC RETURN amount * 1.2")
					.down("DROP FUNCTION add_tax")
					.reports("function add_tax(amount decimal(10,2))"),
				Case.of("routines", "function body not restored")
					.given("CREATE FUNCTION add_tax(amount DECIMAL(10,2)) RETURNS DECIMAL(10,2)"
							+ " DETERMINISTIC RETURN amount * 1.2")
					.givenDown("DROP FUNCTION add_tax")
					.up("CREATE OR REPLACE FUNCTION add_tax(amount DECIMAL(10,2)) RETURNS DECIMAL(10,2)"
							+ " DETERMINISTIC RETURN amount * 1.25")
					.down("CREATE OR REPLACE FUNCTION add_tax(amount DECIMAL(10,2)) RETURNS DECIMAL(10,2)"
							+ " DETERMINISTIC RETURN amount * 1.2")
					.reports("function add_tax(amount decimal(10,2))"),
				Case.of("routines", "event left behind")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("CREATE EVENT IF NOT EXISTS purge_users ON SCHEDULE EVERY 1 DAY"
							+ " DO DELETE FROM users WHERE id < 0")
					.down("DROP EVENT purge_users")
					.reports("event purge_users"),
				Case.of("comments", "comment on table")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("ALTER TABLE users COMMENT = 'People who sign in'")
					.down("ALTER TABLE users COMMENT = ''")
					.reports("comment on table users"),
				modify("comments", "comment on column", "note", "VARCHAR(20) COMMENT 'Written by support'",
						"VARCHAR(20)")
					.reports("comment on column users.note"),
				replaceIndex("comments", "comment on index", USERS, "CREATE INDEX users_email_idx ON users (email)",
						"CREATE INDEX users_email_idx ON users (email) COMMENT 'For sign-in'")
					.reports("comment on index users_email_idx"),
				Case.of("collation", "table collation left behind")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("ALTER TABLE users DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
					.down("ALTER TABLE users DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci")
					.reports("table users"),
				modify("collation", "column character set left behind", "note",
						"VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_swedish_ci", "VARCHAR(20)"),
				modify("collation", "column collation left behind", "note", "VARCHAR(20) COLLATE utf8mb4_bin",
						"VARCHAR(20)"),
				modify("column options", "ON UPDATE left behind", "updated_at",
						"DATETIME NULL ON UPDATE CURRENT_TIMESTAMP", "DATETIME NULL"),
				modify("column options", "UNSIGNED left behind", "quantity", "INT UNSIGNED NOT NULL DEFAULT 0",
						"INT NOT NULL DEFAULT 0"),
				modify("column options", "generated expression not restored", "email_key",
						"VARCHAR(100) AS (UPPER(email)) VIRTUAL", "VARCHAR(100) AS (LOWER(email)) VIRTUAL"),
				modify("column options", "INVISIBLE left behind", "note", "VARCHAR(20) INVISIBLE", "VARCHAR(20)"),
				replaceIndex("FULLTEXT index left in place of a plain one", USERS,
						"CREATE INDEX users_email_idx ON users (email)",
						"CREATE FULLTEXT INDEX users_email_idx ON users (email)"),
				replaceIndex("SPATIAL index left in place of a plain one",
						"CREATE TABLE places (id INT PRIMARY KEY, location POINT NOT NULL)",
						"CREATE INDEX places_location_idx ON places (location)",
						"CREATE SPATIAL INDEX places_location_idx ON places (location)"),
				replaceIndex("prefix length left behind", USERS, "CREATE INDEX users_email_idx ON users (email)",
						"CREATE INDEX users_email_idx ON users (email(10))"),
				Case.of("table options", "ENGINE left behind")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("ALTER TABLE users ENGINE = MyISAM")
					.down("ALTER TABLE users ENGINE = InnoDB")
					.reports("table users"),
				Case.of("table options", "partitioning left behind")
					.given(USERS)
					.givenDown("DROP TABLE users")
					.up("ALTER TABLE users PARTITION BY RANGE (id)"
							+ " (PARTITION p0 VALUES LESS THAN (1000), PARTITION p1 VALUES LESS THAN MAXVALUE)")
					.down("ALTER TABLE users REMOVE PARTITIONING")
					.reports("table users"),
				Case.of("schemas", "new database left behind")
					.up("CREATE DATABASE IF NOT EXISTS ${extra}")
					.down("DROP DATABASE ${extra}")
					.reports("schema ${extra}"),
				Case.of("schemas", "table left in another database")
					.given("CREATE DATABASE ${extra}")
					.givenDown("DROP DATABASE ${extra}")
					.up("CREATE TABLE IF NOT EXISTS ${extra}.audit (id INT PRIMARY KEY, message VARCHAR(200))")
					.down("DROP TABLE ${extra}.audit")
					.reports("table ${extra}.audit"),
				Case.of("schemas", "procedure left in another database")
					.given("CREATE DATABASE ${extra}")
					.givenDown("DROP DATABASE ${extra}")
					.up("CREATE OR REPLACE PROCEDURE ${extra}.noop() BEGIN END")
					.down("DROP PROCEDURE ${extra}.noop")
					.reports("procedure ${extra}.noop()"));
	}

}
