package dev.migrate.plan;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrate.Migration;
import dev.migrate.testsupport.RequiresDatabase;
import dev.migrate.testsupport.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plan's script on MariaDB, run with the {@code mariadb} client (which stops at the
 * first error).
 */
@RequiresDatabase(TestDatabase.MARIADB)
class MariaDbPlanScriptTests extends AbstractPlanScriptTests {

	@Override
	TestDatabase database() {
		return TestDatabase.MARIADB;
	}

	@Override
	List<Object> migrations() {
		return List.of(new CreateTables(), new SeedSamples(), new QuestionMarks(), new RecordEvents());
	}

	@Override
	String clientName() {
		return "mariadb";
	}

	@Override
	ProcessBuilder client(TestDatabase.Isolated database, Path script) {
		URI uri = URI.create(database.url().substring("jdbc:".length()));
		List<String> command = new ArrayList<>(List.of("mariadb", "--batch", "--default-character-set=utf8mb4", "-h",
				uri.getHost(), "-P", String.valueOf(uri.getPort()), "-u", database.user()));
		if (!database.password().isEmpty()) {
			command.add("--password=" + database.password());
		}
		command.add(uri.getPath().substring(1));
		return new ProcessBuilder(command).redirectInput(script.toFile());
	}

	@Migration(version = "1", description = "Create tables")
	public static class CreateTables {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE samples (id INT PRIMARY KEY, label VARCHAR(200) CHARACTER SET utf8mb4,"
					+ " note TEXT CHARACTER SET utf8mb4, amount DECIMAL(12,4), ratio DOUBLE, flag BOOLEAN, born DATE,"
					+ " wakes TIME(6), happened DATETIME(6), logged TIMESTAMP(6) NULL, zoned DATETIME(6),"
					+ " data VARBINARY(100), ref UUID)");
			jdbc.execute("CREATE TABLE events (id INT PRIMARY KEY, at DATETIME(6), kind VARCHAR(20), weight FLOAT)");
			jdbc.execute("CREATE TABLE `odd?name` (id INT PRIMARY KEY, `what?` TEXT CHARACTER SET utf8mb4)");
			jdbc.execute("CREATE TRIGGER events_kind BEFORE INSERT ON events FOR EACH ROW BEGIN"
					+ " IF NEW.kind IS NULL THEN SET NEW.kind = 'none?'; END IF; END");
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
		}

	}

	@Migration(version = "3", description = "Question marks that are no parameters")
	public static class QuestionMarks {

		public void up(JdbcTemplate jdbc) {
			jdbc.update("INSERT INTO `odd?name` (id, `what?`) VALUES (?, ? /* why? */) # trailing?", 1, "it's ?");
			jdbc.update("UPDATE samples SET note = CONCAT(note, ' (checked?)') WHERE id = ?", 1);
			jdbc.update("UPDATE samples SET label = CONCAT(label, ' it\\'s ?', \"\\\"q?\\\"\") WHERE id = ?", 3);
			jdbc.update(
					"UPDATE `odd?name` SET `what?` = CONCAT(`what?`, ?, ' -- not a comment?') -- why?\nWHERE id = ?",
					"C:\\x", 1);
		}

	}

	@Migration(version = "4", description = "Record events")
	public static class RecordEvents {

		public void up(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
			jdbc.batchUpdate("INSERT INTO events (id, at, kind, weight) VALUES (?, ?, ?, ?)", List.of(
					new Object[] { 1, Timestamp.valueOf("2026-03-29 02:30:00"), "o'clock", 2.25f }, new Object[] { 2,
							OffsetDateTime.of(2026, 10, 25, 1, 30, 0, 0, ZoneOffset.ofHours(1)), "tz", -0.5f },
					new Object[] { 3, null, null, null }));
			named.update("UPDATE events SET weight = :weight WHERE id = :id", Map.of("weight", 1.5, "id", 3));
			jdbc.execute("CREATE INDEX events_kind ON events (kind); ");
		}

	}

}
