package dev.migrate.internal;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.List;

import dev.migrate.internal.SqlLiteralStyle.Kind;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StatementRecorder}: what it records of the statements a migration
 * runs, and that in executing mode the driver still gets every value.
 */
class StatementRecorderTests {

	private static final SqlLiteralStyle H2 = SqlLiteralStyle.of(Kind.H2);

	private TestDatabase.Isolated database;

	private JdbcTemplate jdbc;

	@BeforeEach
	void createTable() {
		this.database = TestDatabase.H2.createIsolated();
		this.jdbc = new JdbcTemplate(this.database.dataSource());
		this.jdbc.execute("CREATE TABLE docs (id INT, body CLOB, data BLOB)");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void readsStreamsForThePlanAndGivesTheDriverACopy() throws SQLException {
		StatementRecorder recorder = StatementRecorder.executing(H2);
		try (Connection connection = this.database.dataSource().getConnection()) {
			try (PreparedStatement statement = recorder.wrap(connection)
				.prepareStatement("INSERT INTO docs (id, body, data) VALUES (?, ?, ?)")) {
				statement.setInt(1, 1);
				statement.setCharacterStream(2, new StringReader("it's long"));
				statement.setBinaryStream(3, new ByteArrayInputStream(new byte[] { 1, 2, 3 }));
				statement.executeUpdate();
				statement.setInt(1, 2);
				statement.setCharacterStream(2, new StringReader("only this, not more"), 9);
				statement.setBinaryStream(3, new ByteArrayInputStream(new byte[] { 4, 5, 6 }), 2L);
				statement.executeUpdate();
				statement.setInt(1, 3);
				statement.setAsciiStream(2, new ByteArrayInputStream("ascii".getBytes(StandardCharsets.US_ASCII)));
				statement.setNull(3, Types.BLOB);
				statement.executeUpdate();
			}
		}

		assertThat(recorder.statements()).containsExactly(
				"INSERT INTO docs (id, body, data) VALUES (1, 'it''s long', X'010203')",
				"INSERT INTO docs (id, body, data) VALUES (2, 'only this', X'0405')",
				"INSERT INTO docs (id, body, data) VALUES (3, 'ascii', NULL)");
		assertThat(this.jdbc.query("SELECT id, body, data FROM docs ORDER BY id",
				(rs, row) -> rs.getInt(1) + " " + rs.getString(2) + " "
						+ ((rs.getBytes(3) != null) ? HexFormat.of().formatHex(rs.getBytes(3)) : null)))
			.containsExactly("1 it's long 010203", "2 only this 0405", "3 ascii null");
	}

	@Test
	void readsTheLargeObjectsOfTypedParameters() throws SQLException {
		StatementRecorder recorder = StatementRecorder.executing(H2);
		try (Connection connection = this.database.dataSource().getConnection()) {
			new JdbcTemplate(new SingleConnectionDataSource(recorder.wrap(connection), true)).update(
					"INSERT INTO docs (id, body, data) VALUES (?, ?, ?)", 1,
					new SqlParameterValue(Types.CLOB, "a clob"), new SqlParameterValue(Types.BLOB, new byte[] { 7 }));
		}

		assertThat(recorder.statements())
			.containsExactly("INSERT INTO docs (id, body, data) VALUES (1, 'a clob', X'07')");
		assertThat(this.jdbc.queryForObject("SELECT body FROM docs", String.class)).isEqualTo("a clob");
	}

	@Test
	void recordsNullsBoundByJdbcTemplateInDryMode() throws SQLException {
		StatementRecorder recorder = StatementRecorder.dry(H2);
		try (Connection connection = this.database.dataSource().getConnection()) {
			new JdbcTemplate(new SingleConnectionDataSource(recorder.wrap(connection), true))
				.update("INSERT INTO docs (id, body) VALUES (?, ?)", 1, null);
		}

		assertThat(recorder.statements()).containsExactly("INSERT INTO docs (id, body) VALUES (1, NULL)");
	}

	@Test
	void recordsABatchWithoutRunningItInDryMode() throws SQLException {
		StatementRecorder recorder = StatementRecorder.dry(H2);
		try (Connection connection = this.database.dataSource().getConnection()) {
			int[] counts = new JdbcTemplate(new SingleConnectionDataSource(recorder.wrap(connection), true))
				.batchUpdate("INSERT INTO docs (id, body) VALUES (?, ?)",
						List.of(new Object[] { 1, "one" }, new Object[] { 2, new StringReader("two") }));
			assertThat(counts).hasSize(2);
		}

		assertThat(recorder.statements()).containsExactly("INSERT INTO docs (id, body) VALUES (1, 'one')",
				"INSERT INTO docs (id, body) VALUES (2, 'two')");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM docs", Integer.class)).isZero();
	}

}
