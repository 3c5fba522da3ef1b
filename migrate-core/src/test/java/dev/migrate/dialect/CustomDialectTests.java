package dev.migrate.dialect;

import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dialect given to {@code Migrator.builder(...).dialect(...)}, as docs/configuration.md
 * shows for a database migrate has no dialect for: it replaces the detected one, so the
 * history table gets the types it states. On H2, whose own dialect would write the error
 * column as {@code CHARACTER VARYING(4000)}.
 */
class CustomDialectTests {

	private TestDatabase.Isolated database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.H2.createIsolated();
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void dialectOfTheBuilderReplacesTheDetectedOne() throws Exception {
		Migrator migrator = Migrator.builder(this.database.dataSource()).dialect(new GenericDialect("Custom") {

			@Override
			public String longTextType() {
				return "CLOB";
			}

		}).migrations(List.of(new CreateUsersTable())).build();

		migrator.migrate();

		assertThat(errorMessageColumnType()).isEqualTo("CHARACTER LARGE OBJECT");
		assertThat(new JdbcTemplate(this.database.dataSource())
			.queryForList("SELECT version FROM migrate_history WHERE status = 'SUCCESS'", String.class))
			.containsExactly("1");
		assertThat(migrator.info().pending()).isEmpty();
	}

	private String errorMessageColumnType() throws Exception {
		return JdbcUtils.extractDatabaseMetaData(this.database.dataSource(), (metaData) -> {
			try (ResultSet columns = metaData.getColumns(null, null, "MIGRATE_HISTORY", "ERROR_MESSAGE")) {
				assertThat(columns.next()).isTrue();
				return columns.getString("TYPE_NAME").toUpperCase(Locale.ROOT);
			}
		});
	}

	@Migration(version = "1")
	public static class CreateUsersTable {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE users (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE users");
		}

	}

}
