package dev.migrate.internal;

import java.util.List;

import dev.migrate.DatabaseInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlScriptTests {

	private static final SqlScript POSTGRES = SqlScript.of(info("PostgreSQL"));

	private static final SqlScript MARIADB = SqlScript.of(info("MariaDB"));

	private static final SqlScript H2 = SqlScript.of(info("H2"));

	private static final SqlScript HSQLDB = SqlScript.of(info("HSQL Database Engine"));

	private static DatabaseInfo info(String product) {
		return new DatabaseInfo(product, "1.0", 1, 0, null, false);
	}

	@Test
	void splitsAtSemicolonsAndDropsEmptyStatementsAndLoneComments() {
		assertThat(
				HSQLDB.split("CREATE TABLE a (id INT);\n\n;  -- just a comment\nINSERT INTO a VALUES (1);\n/* end */"))
			.containsExactly("CREATE TABLE a (id INT)", "-- just a comment\nINSERT INTO a VALUES (1)");
	}

	@Test
	void keepsTheLastStatementWithoutDelimiter() {
		assertThat(HSQLDB.split("SELECT 1;\nSELECT 2")).containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void semicolonsInStringsQuotedNamesAndCommentsDoNotSplit() {
		String script = "INSERT INTO \"a;b\" VALUES ('x;y', 'it''s; fine'); -- a; b\n"
				+ "/* c; d */ INSERT INTO t VALUES (';')";
		assertThat(HSQLDB.split(script)).containsExactly("INSERT INTO \"a;b\" VALUES ('x;y', 'it''s; fine')",
				"-- a; b\n/* c; d */ INSERT INTO t VALUES (';')");
	}

	@Test
	void postgresDollarQuotedBodiesStayWhole() {
		String function = "CREATE FUNCTION f() RETURNS int AS $$ BEGIN PERFORM 1; RETURN 2; END; $$ LANGUAGE plpgsql";
		String tagged = "CREATE FUNCTION g() RETURNS text AS $body$ SELECT 'a;$$;b'; $body$ LANGUAGE sql";
		assertThat(POSTGRES.split(function + ";\n" + tagged + ";\nSELECT f()")).containsExactly(function, tagged,
				"SELECT f()");
	}

	@Test
	void postgresEscapeStringsAndNestedComments() {
		assertThat(POSTGRES.split("SELECT E'a\\'; b';\n/* outer /* inner; */ still; */ SELECT 2;"))
			.containsExactly("SELECT E'a\\'; b'", "/* outer /* inner; */ still; */ SELECT 2");
	}

	@Test
	void postgresParametersAndIdentifiersWithDollarsAreNotQuotes() {
		assertThat(POSTGRES.split("PREPARE p AS SELECT $1; SELECT a$b$c FROM t;"))
			.containsExactly("PREPARE p AS SELECT $1", "SELECT a$b$c FROM t");
	}

	@Test
	void mariaDbDelimiterLinesBackslashEscapesHashCommentsAndBackticks() {
		String script = "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END//\nDELIMITER ;\n"
				+ "INSERT INTO `x;y` VALUES ('a\\';b'); # a; comment\nSELECT 3;";
		assertThat(MARIADB.split(script)).containsExactly("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END",
				"INSERT INTO `x;y` VALUES ('a\\';b')", "# a; comment\nSELECT 3");
	}

	@Test
	void dollarQuotesAndDelimiterLinesBelongToTheirDatabases() {
		assertThat(H2.split("CREATE ALIAS F AS $$ int f() { return 1; } $$; SELECT F();"))
			.containsExactly("CREATE ALIAS F AS $$ int f() { return 1; } $$", "SELECT F()");
		assertThat(HSQLDB.split("SELECT '$$'; SELECT 2;")).containsExactly("SELECT '$$'", "SELECT 2");
		assertThat(POSTGRES.split("DELIMITER //\nSELECT 1;")).containsExactly("DELIMITER //\nSELECT 1");
	}

	@Test
	void lineEndingsDoNotMatter() {
		List<String> unix = HSQLDB.split("SELECT 1; -- c\nSELECT 2;");
		List<String> windows = HSQLDB.split("SELECT 1; -- c\r\nSELECT 2;");
		assertThat(windows).hasSize(unix.size());
		assertThat(MARIADB.split("DELIMITER $$\r\nSELECT 1; SELECT 2$$\r\nDELIMITER ;\r\nSELECT 3;"))
			.containsExactly("SELECT 1; SELECT 2", "SELECT 3");
	}

}
