package dev.migrate;

import java.util.List;

import dev.migrate.MigrationContext.Direction;
import dev.migrate.PlanResult.PlannedMigration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PlanResult#toScript()}: a script that {@code psql} and the
 * {@code mariadb} client run as it is.
 */
class PlanResultTests {

	@Test
	void endsEachStatementOnce() {
		assertThat(script("PostgreSQL", "CREATE TABLE t (id INT)", "INSERT INTO t VALUES (1);", "  DROP TABLE u ; \n"))
			.endsWith("\nCREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\nDROP TABLE u;\n");
	}

	@Test
	void endsAStatementThatEndsInALineCommentOnTheNextLine() {
		assertThat(script("PostgreSQL", "INSERT INTO t VALUES (1) -- why?", "SELECT 1 # MySQL comment"))
			.endsWith("\nINSERT INTO t VALUES (1) -- why?\n;\nSELECT 1 # MySQL comment\n;\n");
		assertThat(script("PostgreSQL", "SELECT 1 -- first\nFROM t")).endsWith("\nSELECT 1 -- first\nFROM t;\n");
	}

	@Test
	void setsAMySqlStatementWithSemicolonsBetweenDelimiters() {
		String trigger = "CREATE TRIGGER t BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END";

		assertThat(script("MariaDB", trigger, "INSERT INTO t VALUES ('a')"))
			.endsWith("\nDELIMITER $$\n" + trigger + "\n$$\nDELIMITER ;\nINSERT INTO t VALUES ('a');\n");
		assertThat(script("MySQL", "SELECT '$$;'")).endsWith("\nDELIMITER //\nSELECT '$$;'\n//\nDELIMITER ;\n");
		assertThat(script("PostgreSQL", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql"))
			.endsWith("\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n");
	}

	@Test
	void keepsADescriptionOnItsCommentLine() {
		assertThat(script("H2", "SELECT 1")).contains("\n-- 1: Two lines (bean 'b', up");
	}

	private static String script(String database, String... statements) {
		return new PlanResult(Direction.UP,
				List.of(new PlannedMigration(Version.parse("1"), "Two\nlines", "b", List.of(statements), true, null)),
				database, "migrate_history")
			.toScript();
	}

}
