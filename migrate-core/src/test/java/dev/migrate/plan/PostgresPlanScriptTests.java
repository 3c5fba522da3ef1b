package dev.migrate.plan;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.migrate.Migration;
import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plan's script on PostgreSQL, run with {@code psql -v ON_ERROR_STOP=1} in a session
 * whose time zone is neither the JVM's nor the server's.
 */
@RequiresDatabase(TestDatabase.POSTGRES)
class PostgresPlanScriptTests extends AbstractPlanScriptTests {

	@Override
	TestDatabase database() {
		return TestDatabase.POSTGRES;
	}

	@Override
	List<Object> migrations() {
		return List.of(new CreateTables(), new SeedSamples(), new QuestionMarks(), new RecordEvents());
	}

	@Override
	String clientName() {
		return "psql";
	}

	@Override
	ProcessBuilder client(TestDatabase.Isolated database, Path script) {
		URI uri = URI.create(database.url().substring("jdbc:".length()));
		String schema = Arrays.stream(uri.getQuery().split("&"))
			.filter((parameter) -> parameter.startsWith("currentSchema="))
			.map((parameter) -> parameter.substring("currentSchema=".length()))
			.findFirst()
			.orElseThrow();
		ProcessBuilder command = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", uri.getHost(),
				"-p", String.valueOf(uri.getPort()), "-U", database.user(), "-d", uri.getPath().substring(1), "-f",
				script.toString());
		command.environment().put("PGOPTIONS", "-c search_path=" + schema);
		command.environment().put("PGTZ", "America/New_York");
		command.environment().put("PGCLIENTENCODING", "UTF8");
		if (!database.password().isEmpty()) {
			command.environment().put("PGPASSWORD", database.password());
		}
		return command;
	}

	@Migration(version = "1", description = "Create tables")
	public static class CreateTables {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE samples (id integer PRIMARY KEY, label text, note text, amount numeric(12,4),"
					+ " ratio double precision, flag boolean, born date, wakes time, happened timestamp,"
					+ " logged timestamptz, zoned timestamptz, data bytea, ref uuid, tags text[], scores integer[])");
			jdbc.execute("CREATE TABLE events (id integer PRIMARY KEY, at timestamptz, kind varchar(20), weight real)");
			jdbc.execute("CREATE TABLE \"odd?name\" (id integer PRIMARY KEY, \"what?\" text)");
			jdbc.execute("CREATE FUNCTION shout(t text) RETURNS text AS $fn$ SELECT upper(t) || '!?'; $fn$"
					+ " LANGUAGE sql;");
		}

	}

	@Migration(version = "2", description = "Seed samples")
	public static class SeedSamples {

		public void up(JdbcTemplate jdbc, JdbcClient client) {
			String insert = "INSERT INTO samples (id, label, note, amount, ratio, flag, born, wakes, happened, logged,"
					+ " zoned, data, ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
			jdbc.update(insert, FIRST_ROW);
			jdbc.update(insert, THIRD_ROW);
			client.sql(insert)
				.params(2, null, null, null, null, null, null, null, null, null, null, null, null)
				.update();
			jdbc.update("UPDATE samples SET tags = ?, scores = ? WHERE id = ?", new String[] { "a", "it's", "b,c" },
					new Integer[] { 1, null, 3 }, 1);
			jdbc.update("UPDATE samples SET ratio = ? WHERE id = ?", Double.NaN, 3);
		}

	}

	@Migration(version = "3", description = "Question marks that are no parameters")
	public static class QuestionMarks {

		public void up(JdbcTemplate jdbc) {
			jdbc.update("INSERT INTO \"odd?name\" (id, \"what?\") VALUES (?, ? /* why? */) -- trailing?", 1, "it's ?");
			jdbc.update("UPDATE samples SET note = note || $$ (checked?)$$ WHERE id = ?", 1);
			jdbc.update("UPDATE samples SET label = label || ('{\"a\":1}'::jsonb ??| array['a'])::text"
					+ " || ('{\"a\":1}'::jsonb ?? 'b')::text WHERE id = ?", 3);
			jdbc.update("UPDATE \"odd?name\" SET \"what?\" = \"what?\" || E' tab\\there? ' || ? WHERE id = ?", "C:\\x",
					1);
			jdbc.update("INSERT INTO \"odd?name\" (id, \"what?\") VALUES (?, shout(?))", 2, "hey?");
		}

	}

	@Migration(version = "4", description = "Record events")
	public static class RecordEvents {

		public void up(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
			jdbc.batchUpdate("INSERT INTO events (id, at, kind, weight) VALUES (?, ?, ?, ?)",
					List.of(new Object[] { 1, Timestamp.valueOf("2026-03-29 02:30:00"), "o'clock", 2.25f },
							new Object[] { 2, OffsetDateTime.of(2026, 10, 25, 1, 30, 0, 0, ZoneOffset.ofHours(1)), "tz",
									Float.NEGATIVE_INFINITY },
							new Object[] { 3, null, null, null }));
			named.update("UPDATE events SET kind = :kind WHERE id = :id", Map.of("kind", "named?", "id", 3));
			jdbc.execute("CREATE INDEX events_kind ON events (kind); ");
		}

	}

}
