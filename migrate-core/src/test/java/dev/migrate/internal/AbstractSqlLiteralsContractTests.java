package dev.migrate.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.migrate.dialect.Dialects;
import dev.migrate.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The contract of the literals a plan writes, against the real database: a statement run
 * with its values bound, through the plan's recorder, and the statement the recorder
 * wrote, run as plain SQL, give the same stored values and the same query results. Each
 * database states its column types and values, and the statements whose parameters sit
 * next to comments, quotes and escapes.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class AbstractSqlLiteralsContractTests {

	private final AtomicInteger tables = new AtomicInteger();

	private @Nullable TimeZone originalZone;

	private TestDatabase.Isolated database;

	private JdbcTemplate jdbc;

	private SqlLiteralStyle style;

	abstract TestDatabase testDatabase();

	/**
	 * Column types with values that the database stores the same way from a literal as
	 * from a bound value.
	 * @return arguments of column type and value
	 */
	abstract Stream<Arguments> literals();

	/**
	 * Values that have no literal on the database, with a column type for them.
	 * @return arguments of column type and value
	 */
	abstract Stream<Arguments> unwritableValues();

	/**
	 * Queries with their parameter values.
	 * @return arguments of SQL and a list of values
	 */
	abstract Stream<Arguments> statements();

	/**
	 * The JVM's time zone for these tests, so that conversions show, or {@code null} to
	 * keep the JVM's (embedded databases keep theirs from the first use).
	 * @return the zone
	 */
	@Nullable ZoneId jvmZone() {
		return null;
	}

	@BeforeAll
	void createDatabase() throws SQLException {
		ZoneId zone = jvmZone();
		if (zone != null) {
			this.originalZone = TimeZone.getDefault();
			TimeZone.setDefault(TimeZone.getTimeZone(zone));
		}
		this.database = testDatabase().createIsolated();
		this.jdbc = new JdbcTemplate(this.database.dataSource());
		try (Connection connection = this.database.dataSource().getConnection()) {
			this.style = SqlLiteralStyle.detect(Dialects.inspect(this.database.dataSource(), null).info(), connection);
		}
		if (zone != null) {
			assertThat(this.style.zone()).isEqualTo(zone);
		}
	}

	@AfterAll
	void dropDatabase() {
		if (this.database != null) {
			this.database.close();
		}
		if (this.originalZone != null) {
			TimeZone.setDefault(this.originalZone);
		}
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("literals")
	void storesTheWrittenLiteralAsTheBoundValue(String columnType, @Nullable Object value) throws SQLException {
		String table = "literal_" + this.tables.incrementAndGet();
		this.jdbc.execute("CREATE TABLE " + table + " (source VARCHAR(10), v " + columnType + ")");

		String written = recordUpdate(StatementRecorder.executing(this.style),
				"INSERT INTO " + table + " (source, v) VALUES ('bound', ?)", value);
		assertThat(written).doesNotContain("migrate could not write");
		this.jdbc.execute(written.replace("'bound'", "'written'"));

		List<Object> bound = valuesOf(table, "bound");
		assertThat(valuesOf(table, "written")).as(written).isEqualTo(bound);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("unwritableValues")
	void writesNoLiteralForAValueTheDatabaseCannotTakeAndTheStatementFails(String columnType, Object value)
			throws SQLException {
		String table = "unwritable_" + this.tables.incrementAndGet();
		this.jdbc.execute("CREATE TABLE " + table + " (source VARCHAR(10), v " + columnType + ")");

		// Without running: drivers refuse some of these values when they are bound
		String written = recordUpdate(StatementRecorder.dry(this.style),
				"INSERT INTO " + table + " (source, v) VALUES ('bound', ?)", value);

		assertThat(written).contains("migrate could not write this value").endsWith("*/ ?)");
		assertThatException().isThrownBy(() -> this.jdbc.execute(written.replace("'bound'", "'written'")));
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE source = 'written'", Integer.class))
			.isZero();
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("statements")
	void writesParametersWhereTheDriverFindsThem(String sql, List<Object> values) throws SQLException {
		StatementRecorder recorder = StatementRecorder.executing(this.style);
		List<List<String>> bound;
		try (Connection connection = this.database.dataSource().getConnection()) {
			JdbcTemplate recording = new JdbcTemplate(new SingleConnectionDataSource(recorder.wrap(connection), true));
			bound = recording.query(sql, (rs, row) -> row(rs), values.toArray());
		}
		String written = recorder.statements().get(0);

		assertThat(this.jdbc.query(written, (rs, row) -> row(rs))).as(written).isEqualTo(bound);
	}

	/**
	 * Change how the session reads backslashes in strings, detect the style on that
	 * session, and check that strings with backslashes and quotes written for it store
	 * what was bound.
	 * @param setting the statement that changes the session
	 * @param reset the statement that changes it back, before the connection returns to
	 * the pool
	 * @param backslashEscapes whether strings then have backslash escapes
	 * @throws SQLException on a database failure
	 */
	void writesStringsForTheSessionsSetting(String setting, String reset, boolean backslashEscapes)
			throws SQLException {
		String table = "session_" + this.tables.incrementAndGet();
		this.jdbc.execute("CREATE TABLE " + table + " (source VARCHAR(10), v VARCHAR(100))");
		String value = "C:\\new\\it\\'s";
		try (Connection connection = this.database.dataSource().getConnection()) {
			JdbcTemplate session = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			session.execute(setting);
			try {
				SqlLiteralStyle sessionStyle = SqlLiteralStyle
					.detect(Dialects.inspect(this.database.dataSource(), null).info(), connection);
				assertThat(sessionStyle.backslashEscapes()).isEqualTo(backslashEscapes);
				StatementRecorder recorder = StatementRecorder.executing(sessionStyle);
				new JdbcTemplate(new SingleConnectionDataSource(recorder.wrap(connection), true))
					.update("INSERT INTO " + table + " (source, v) VALUES ('bound', ?)", value);
				session.execute(recorder.statements().get(0).replace("'bound'", "'written'"));
				assertThat(session.queryForList("SELECT v FROM " + table + " ORDER BY source", String.class))
					.as(recorder.statements().get(0))
					.containsExactly(value, value);
			}
			finally {
				session.execute(reset);
			}
		}
	}

	private String recordUpdate(StatementRecorder recorder, String sql, @Nullable Object value) throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection()) {
			JdbcTemplate recording = new JdbcTemplate(new SingleConnectionDataSource(recorder.wrap(connection), true));
			recording.update(sql, value);
		}
		assertThat(recorder.statements()).hasSize(1);
		return recorder.statements().get(0);
	}

	private List<Object> valuesOf(String table, String source) {
		List<List<Object>> rows = this.jdbc.query("SELECT v, v FROM " + table + " WHERE source = ?", (rs, row) -> {
			List<Object> values = new ArrayList<>();
			values.add(comparable(rs.getObject(1)));
			values.add(String.valueOf(rs.getString(2)));
			return values;
		}, source);
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	private static List<String> row(ResultSet rs) throws SQLException {
		List<String> row = new ArrayList<>();
		for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
			row.add(String.valueOf(comparable(rs.getObject(i))));
		}
		return row;
	}

	private static @Nullable Object comparable(@Nullable Object value) throws SQLException {
		if (value instanceof byte[] bytes) {
			return HexFormat.of().formatHex(bytes);
		}
		if (value instanceof java.sql.Array array) {
			return Arrays.asList((Object[]) array.getArray()).toString();
		}
		return value;
	}

	static Arguments values(String sql, Object... values) {
		return arguments(sql, List.of(values));
	}

}
