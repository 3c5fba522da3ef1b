package dev.migrate.plan;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.migrate.MigrateDefaults;
import dev.migrate.Migrator;
import dev.migrate.PlanResult;
import dev.migrate.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan's script is what a DBA runs instead of {@code migrate}: migrations that bind
 * varied values are applied with {@link Migrator#migrate()} to one schema, planned with
 * {@link Migrator#plan()} against an empty second schema, and the written script is run
 * there with the database's own command-line client. Both schemas must then hold the same
 * tables, columns and row values. Skipped, with the reason, where the client is not
 * installed.
 */
abstract class AbstractPlanScriptTests {

	/** Values bound by the seed migrations, the same on every database where it can. */
	static final Object[] FIRST_ROW = { 1, "O'Reilly", "C:\\new\\dir, a \\' and a '' too", new BigDecimal("12.50"),
			0.1d, true, LocalDate.of(2026, 1, 1), LocalTime.of(7, 30, 15, 123_456_000),
			LocalDateTime.of(2026, 1, 1, 10, 0, 0, 123_456_000), Timestamp.valueOf("2026-07-01 10:00:00"),
			OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
			new byte[] { 0, 0x1f, (byte) 0xff, '\\', '\'', '?' },
			UUID.fromString("123e4567-e89b-12d3-a456-426614174000") };

	static final Object[] THIRD_ROW = { 3, "what? -- /* ?? $$ #", "line\nbreak\ttab; semicolon, Zoë € 😀",
			new BigDecimal("1E+3"), -1.5e300, false, java.sql.Date.valueOf("1999-12-31"), Time.valueOf("23:59:59"),
			new java.util.Date(0), Timestamp.valueOf("2026-01-01 00:00:00.5"),
			OffsetDateTime.of(2026, 7, 1, 23, 0, 0, 0, ZoneOffset.ofHours(-3)), new byte[0],
			UUID.fromString("00000000-0000-0000-0000-000000000000") };

	private TestDatabase.Isolated applied;

	private TestDatabase.Isolated planned;

	abstract TestDatabase database();

	abstract List<Object> migrations();

	/**
	 * The command that runs a script against a database, reading it from standard input
	 * or from the file.
	 * @param database the database
	 * @param script the script
	 * @return the command
	 */
	abstract ProcessBuilder client(TestDatabase.Isolated database, Path script);

	abstract String clientName();

	@BeforeEach
	void createDatabases() {
		this.applied = database().createIsolated();
		this.planned = database().createIsolated();
	}

	@AfterEach
	void dropDatabases() {
		this.applied.close();
		this.planned.close();
	}

	@Test
	void theWrittenScriptReachesTheSchemaAndRowsThatMigrateReaches(@TempDir Path directory) throws Exception {
		assumeClientInstalled();
		migrator(this.applied).migrate();

		PlanResult plan = migrator(this.planned).plan();
		assertThat(plan.migrations()).hasSize(migrations().size());
		assertThat(tables(this.planned.dataSource())).isEmpty();
		Path script = directory.resolve("plan.sql");
		Files.writeString(script, plan.toScript());
		run(client(this.planned, script), plan.toScript());

		List<String> tables = tables(this.applied.dataSource());
		assertThat(tables).contains("samples", "events", "odd?name");
		assertThat(tables(this.planned.dataSource())).isEqualTo(tables);
		assertThat(columns(this.planned.dataSource())).isEqualTo(columns(this.applied.dataSource()));
		for (String table : tables) {
			List<List<Object>> rows = rows(this.applied.dataSource(), table);
			assertThat(rows).as(table).isNotEmpty();
			assertThat(rows(this.planned.dataSource(), table)).as(table).isEqualTo(rows);
		}
		JdbcTemplate jdbc = new JdbcTemplate(this.planned.dataSource());
		assertThat(jdbc.queryForObject("SELECT label FROM samples WHERE id = 1", String.class)).isEqualTo("O'Reilly");
		assertThat(jdbc.queryForObject("SELECT note FROM samples WHERE id = 1", String.class))
			.isEqualTo(FIRST_ROW[2] + " (checked?)");
		assertThat(jdbc.queryForObject("SELECT logged FROM samples WHERE id = 1", Timestamp.class))
			.isEqualTo(FIRST_ROW[9]);
	}

	private Migrator migrator(TestDatabase.Isolated database) {
		return Migrator.builder(database.dataSource()).migrations(migrations()).build();
	}

	private void assumeClientInstalled() {
		try {
			Process process = new ProcessBuilder(clientName(), "--version").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException | InterruptedException ex) {
			Assumptions.abort(clientName() + " is not installed here (" + ex.getMessage()
					+ "), so the plan script cannot be run");
		}
	}

	private static void run(ProcessBuilder command, String script) throws IOException, InterruptedException {
		Process process = command.redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue())
			.as("%s failed:%n%s%nScript:%n%s", command.command(), new String(output, StandardCharsets.UTF_8), script)
			.isZero();
	}

	private static List<String> tables(DataSource dataSource) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (var connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			String schema = connection.getSchema();
			try (ResultSet result = metaData.getTables(connection.getCatalog(), schema, "%",
					new String[] { "TABLE" })) {
				while (result.next()) {
					String name = result.getString("TABLE_NAME");
					if (!name.startsWith(MigrateDefaults.HISTORY_TABLE)) {
						tables.add(name);
					}
				}
			}
		}
		tables.sort(null);
		return tables;
	}

	private static Map<String, List<String>> columns(DataSource dataSource) throws SQLException {
		Map<String, List<String>> columns = new LinkedHashMap<>();
		try (var connection = dataSource.getConnection()) {
			for (String table : tables(dataSource)) {
				try (ResultSet result = connection.getMetaData()
					.getColumns(connection.getCatalog(), connection.getSchema(), table, "%")) {
					while (result.next()) {
						columns.computeIfAbsent(table, (key) -> new ArrayList<>())
							.add(result.getString("COLUMN_NAME") + " " + result.getString("TYPE_NAME") + "("
									+ result.getInt("COLUMN_SIZE") + "," + result.getInt("DECIMAL_DIGITS") + ")");
					}
				}
			}
		}
		return columns;
	}

	private static List<List<Object>> rows(DataSource dataSource, String table) throws SQLException {
		try (var connection = dataSource.getConnection()) {
			String quote = connection.getMetaData().getIdentifierQuoteString();
			try (var statement = connection.createStatement();
					ResultSet result = statement
						.executeQuery("SELECT * FROM " + quote + table + quote + " ORDER BY 1")) {
				List<List<Object>> rows = new ArrayList<>();
				while (result.next()) {
					List<Object> row = new ArrayList<>();
					for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
						row.add(String.valueOf(comparable(result.getObject(i))));
						row.add(String.valueOf(result.getString(i)));
					}
					rows.add(row);
				}
				return rows;
			}
		}
	}

	private static @Nullable Object comparable(@Nullable Object value) throws SQLException {
		if (value instanceof byte[] bytes) {
			return HexFormat.of().formatHex(bytes);
		}
		if (value instanceof java.sql.Array array) {
			return Arrays.asList((Object[]) array.getArray());
		}
		return value;
	}

}
