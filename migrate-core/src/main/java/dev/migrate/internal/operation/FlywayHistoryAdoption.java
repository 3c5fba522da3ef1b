package dev.migrate.internal.operation;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.FlywayHistoryMode;
import dev.migrate.MigrateConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.Remedy;
import dev.migrate.Setting;
import dev.migrate.Version;
import dev.migrate.history.HistoryType;
import dev.migrate.history.SchemaHistory;
import dev.migrate.internal.Engine;
import dev.migrate.resolver.Fingerprint;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Takes over a database that Flyway migrated so far, when migrate's history is empty and
 * the schema holds Flyway's history table: refuses, saying how to adopt or ignore it (the
 * default), or carries every version Flyway applied over into migrate's history, with its
 * description, date, installer and execution time, in one transaction under the migration
 * lock. Nothing is run; Flyway's table is left as it is.
 * <p>
 * A successful versioned row becomes a {@link HistoryType#MIGRATION} row whose checksum
 * is {@code flyway:<checksum>} ({@link Fingerprint#FLYWAY}): a bean with that version
 * counts as applied, and has its own checksum recorded on the next migrate; without a
 * bean, the version counts as a baseline. Flyway's baselines stay baselines. Repeatable
 * migrations (no version) are left out: migrate has none. Rows that Flyway's repair
 * marked as deleted, and undone versions, are not carried over. A failed row stops the
 * adoption.
 */
final class FlywayHistoryAdoption {

	private static final Log logger = LogFactory.getLog("dev.migrate.Migrator");

	private static final List<String> COLUMNS = List.of("installed_rank", "version", "description", "type", "script",
			"checksum", "installed_by", "installed_on", "execution_time", "success");

	private static final Set<String> BASELINE_TYPES = Set.of("BASELINE", "SQL_BASELINE", "JDBC_BASELINE");

	private FlywayHistoryAdoption() {
	}

	/**
	 * Adopt or refuse Flyway's history, if migrate's is empty and Flyway's is there. Runs
	 * under the lock, after migrate's history table was created.
	 * @param engine the engine
	 * @throws MigrateConfigurationException if Flyway's history is there and the mode is
	 * {@link FlywayHistoryMode#REFUSE}
	 * @throws MigrateException if Flyway's history has a failed migration or a version
	 * migrate cannot read; nothing is written then
	 */
	static void adoptIfPresent(Engine engine) {
		FlywayHistoryMode mode = engine.settings().flywayHistory();
		if (mode == FlywayHistoryMode.IGNORE) {
			return;
		}
		SchemaHistory history = engine.history();
		JdbcTemplate jdbc = history.jdbcTemplate();
		Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + history.qualifiedName(), Integer.class);
		if (rows == null || rows > 0) {
			return;
		}
		String quote = jdbc.execute((ConnectionCallback<String>) FlywayHistoryAdoption::quote);
		Optional<String> located = jdbc.execute((ConnectionCallback<Optional<String>>) (connection) -> Optional
			.ofNullable(locate(engine, connection, quote)));
		if (located == null || located.isEmpty()) {
			return;
		}
		String table = located.get();
		// Flyway quotes the names of its columns too.
		String columns = String.join(", ", COLUMNS.stream().map((column) -> quote + column + quote).toList());
		List<FlywayRow> flywayRows = jdbc.query(
				"SELECT " + columns + " FROM " + table + " ORDER BY " + quote + "installed_rank" + quote,
				(rs, rowNum) -> FlywayRow.of(rs));
		List<FlywayRow> carried = carriedOver(flywayRows, table);
		if (mode == FlywayHistoryMode.REFUSE) {
			throw refused(engine, table, carried);
		}
		jdbc.execute((ConnectionCallback<Integer>) (connection) -> {
			// One transaction: every version is carried over, or none.
			connection.setAutoCommit(false);
			try {
				JdbcTemplate inTransaction = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
				int rank = 1;
				for (FlywayRow row : carried) {
					history.insertCarriedOver(inTransaction, rank++,
							row.isBaseline() ? HistoryType.BASELINE : HistoryType.MIGRATION, row.parsedVersion(),
							row.description(),
							Fingerprint.FLYWAY + ":" + ((row.checksum() != null) ? row.checksum() : "none"),
							row.installedBy(), row.installedOn(), row.executionTime());
				}
				connection.commit();
			}
			catch (RuntimeException | SQLException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
			return carried.size();
		});
		long repeatable = flywayRows.stream().filter((row) -> row.version() == null && row.success()).count();
		logger.info("Took over from Flyway's history table " + table + ": " + carried.size()
				+ " version(s) carried over into " + history.qualifiedName()
				+ (carried.isEmpty() ? "" : " (up to version " + carried.get(carried.size() - 1).parsedVersion() + ")")
				+ ((repeatable > 0) ? ", " + repeatable + " repeatable migration(s) left out" : "")
				+ "; nothing was run");
	}

	private static String quote(Connection connection) throws SQLException {
		String quote = connection.getMetaData().getIdentifierQuoteString();
		return (quote == null || quote.isBlank()) ? "" : quote.trim();
	}

	private static @Nullable String locate(Engine engine, Connection connection, String quote) throws SQLException {
		String wanted = engine.settings().flywayHistoryTable();
		DatabaseMetaData metaData = connection.getMetaData();
		@Nullable String[] scope = engine.dialect().metaDataScope(connection, engine.settings().schema());
		// Flyway quotes its table name: on H2 it is stored in lower case, unlike unquoted
		// names.
		for (String candidate : new String[] { wanted, wanted.toLowerCase(Locale.ROOT),
				wanted.toUpperCase(Locale.ROOT) }) {
			try (ResultSet tables = metaData.getTables(scope[0], scope[1], candidate, null)) {
				while (tables.next()) {
					String name = tables.getString("TABLE_NAME");
					if (wanted.equalsIgnoreCase(name)) {
						String schema = engine.settings().schema();
						return ((schema != null) ? schema + "." : "") + quote + name + quote;
					}
				}
			}
		}
		return null;
	}

	/**
	 * The rows to carry over, in the order Flyway applied them: the latest successful row
	 * of each version that is applied now.
	 */
	private static List<FlywayRow> carriedOver(List<FlywayRow> rows, String table) {
		List<FlywayRow> failed = rows.stream().filter((row) -> !row.success()).toList();
		if (!failed.isEmpty()) {
			throw failed(failed, table);
		}
		Map<Version, FlywayRow> applied = new LinkedHashMap<>();
		for (FlywayRow row : rows) {
			if (row.version() == null || "SCHEMA".equals(row.type())) {
				// A repeatable migration, or the marker of schemas Flyway created.
				continue;
			}
			Version version = parse(row, table);
			if ("DELETE".equals(row.type()) || row.type().startsWith("UNDO")) {
				applied.remove(version);
				continue;
			}
			applied.remove(version);
			applied.put(version, row.withVersion(version));
		}
		return new ArrayList<>(applied.values());
	}

	private static Version parse(FlywayRow row, String table) {
		String text = row.version();
		String problem = Version.problemWith(text);
		if (problem != null) {
			throw new MigrateException(new Diagnosis(
					Text.of("Flyway's history table "
							+ table + " records version '" + text + "' (" + row.description() + ", installed_rank "
							+ row.installedRank() + "), which migrate cannot carry over: " + problem + "."),
					Text.of("Nothing was changed: migrate's history is still empty."),
					Text.of("Take over by hand instead: baseline at the version the database is at (",
							Remedy.run(dev.migrate.OperationResult.Operation.BASELINE), ", with ",
							Remedy.change(Setting.BASELINE_VERSION), "), and ignore Flyway's table (",
							Remedy.change(Setting.FLYWAY_HISTORY, "ignore"), ").")),
					null);
		}
		return Version.parse(text);
	}

	private static MigrateException failed(List<FlywayRow> failed, String table) {
		FlywayRow first = failed.get(0);
		return new MigrateException(new Diagnosis(
				Text.of("Flyway's history table " + table + " records " + failed.size() + " failed migration(s), the"
						+ " first version " + first.version() + " (" + first.description() + ", " + first.script()
						+ ") on " + first.installedOn() + ": the database may hold part of its changes, so migrate"
						+ " does not take over from Flyway."),
				Text.of("Nothing was changed: migrate's history is still empty."),
				Text.of("Complete or undo the changes of the failed migration by hand, then remove its row with"
						+ " Flyway's repair (or delete the row from " + table + "), and start again.")),
				null);
	}

	private static MigrateConfigurationException refused(Engine engine, String table, List<FlywayRow> carried) {
		String latest = carried.isEmpty() ? "none" : carried.get(carried.size() - 1).parsedVersion().toString();
		return new MigrateConfigurationException(new Diagnosis(
				Text.of("The schema holds Flyway's history table " + table + " (" + carried.size()
						+ " applied version(s), up to " + latest + ") and migrate's history "
						+ engine.history().qualifiedName() + " is empty: migrate does not change a database that"
						+ " Flyway migrated without being told, so that no migration runs twice."),
				Text.of("Nothing was changed: migrate's history is still empty."),
				Text.of("To take over from Flyway, carrying over the applied versions with their descriptions and"
						+ " dates and running none of them again, set ", Remedy.change(Setting.FLYWAY_HISTORY, "adopt"),
						". If Flyway's table belongs to something else, set ",
						Remedy.change(Setting.FLYWAY_HISTORY, "ignore"), ".")));
	}

	/**
	 * A row of Flyway's history table.
	 */
	private record FlywayRow(int installedRank, @Nullable String version, String description, String type,
			String script, @Nullable Integer checksum, String installedBy, Instant installedOn, Duration executionTime,
			boolean success, @Nullable Version parsed) {

		static FlywayRow of(ResultSet rs) throws SQLException {
			int checksum = rs.getInt(6);
			Integer storedChecksum = rs.wasNull() ? null : checksum;
			Timestamp installedOn = rs.getTimestamp(8);
			String type = rs.getString(4);
			return new FlywayRow(rs.getInt(1), trimmed(rs.getString(2)), text(rs.getString(3)),
					(type != null) ? type.trim().toUpperCase(Locale.ROOT) : "", text(rs.getString(5)), storedChecksum,
					text(rs.getString(7)), (installedOn != null) ? installedOn.toInstant() : Instant.EPOCH,
					Duration.ofMillis(rs.getLong(9)), rs.getBoolean(10), null);
		}

		private static @Nullable String trimmed(@Nullable String text) {
			return (text == null || text.isBlank()) ? null : text.trim();
		}

		private static String text(@Nullable String text) {
			return (text != null) ? text : "";
		}

		FlywayRow withVersion(Version version) {
			return new FlywayRow(this.installedRank, this.version, this.description, this.type, this.script,
					this.checksum, this.installedBy, this.installedOn, this.executionTime, this.success, version);
		}

		Version parsedVersion() {
			Version parsed = this.parsed;
			return (parsed != null) ? parsed : Version.parse(this.version);
		}

		boolean isBaseline() {
			return BASELINE_TYPES.contains(this.type);
		}

	}

}
