package dev.migrate.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.MigrateDefaults;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Remedy;
import dev.migrate.Setting;
import dev.migrate.Version;
import dev.migrate.dialect.Ddl;
import dev.migrate.dialect.Dialect;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Reads and writes the history table. Every value is bound as a parameter; only the
 * validated table and schema names are part of the SQL text.
 *
 * @since 0.1.0
 */
public class SchemaHistory {

	/** Format of the rows this version of migrate writes. */
	public static final int FORMAT_VERSION = 2;

	private static final String COLUMNS = "installed_rank, version, description, type, bean_name, class_name, checksum,"
			+ " installed_by, installed_on, execution_time, status, error_message, rolled_back_by, rolled_back_on,"
			+ " format_version";

	private final DataSource dataSource;

	private final Dialect dialect;

	private final @Nullable String schema;

	private final String table;

	private final String qualifiedName;

	private final JdbcTemplate jdbc;

	/**
	 * Whether the table has the {@code class_hash} column, which tables created before it
	 * was added lack until {@link #upgradeFormat()}; {@code null} until known.
	 */
	private volatile @Nullable Boolean classHashColumn;

	/**
	 * Create a history for the given table.
	 * @param dataSource the data source
	 * @param dialect the database dialect
	 * @param schema the validated schema name, or {@code null} for the default schema
	 * @param table the validated table name
	 */
	public SchemaHistory(DataSource dataSource, Dialect dialect, @Nullable String schema, String table) {
		this.dataSource = dataSource;
		this.dialect = dialect;
		this.schema = schema;
		this.table = table;
		this.qualifiedName = (schema != null) ? schema + "." + table : table;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * Name of the table, qualified with its schema if one is configured.
	 * @return the name
	 */
	public String qualifiedName() {
		return this.qualifiedName;
	}

	/**
	 * Template that writes in auto-commit mode.
	 * @return the template
	 */
	public JdbcTemplate jdbcTemplate() {
		return this.jdbc;
	}

	/**
	 * Whether the history table exists.
	 * @return {@code true} if it exists
	 */
	public boolean exists() {
		return withConnection((connection) -> this.dialect.tableExists(connection, this.schema, this.table));
	}

	/**
	 * Whether the schema that migrations change, the connection's current one, holds
	 * tables other than migrate's own. The history table's schema, when configured, does
	 * not count: migrations do not build it.
	 * @return {@code true} if there are other tables
	 */
	public boolean schemaHasOtherTables() {
		return withConnection((connection) -> this.dialect.hasOtherTables(connection, null, this.table,
				MigrateDefaults.lockTable(this.table)));
	}

	/**
	 * Create the schema, if one is configured and missing. Tolerates another instance
	 * creating it at the same moment.
	 */
	public void createSchemaIfMissing() {
		String schemaName = this.schema;
		if (schemaName == null) {
			return;
		}
		try {
			Ddl.createUnlessPresent(this.jdbc, this.dialect.createSchemaStatement(schemaName),
					() -> withConnection((connection) -> this.dialect.schemaExists(connection, schemaName)));
		}
		catch (DataAccessException ex) {
			throw new MigrateException("Could not create the schema '" + schemaName + "' of the history table: "
					+ ex.getMostSpecificCause().getMessage()
					+ ". Create it by hand, or grant the migrating account the right to create it.", ex);
		}
	}

	/**
	 * Create the table, if missing, in a step of its own. Tolerates another instance
	 * creating it at the same moment.
	 * @return {@code true} if this call created it
	 */
	public boolean createIfMissing() {
		try {
			return Ddl.createUnlessPresent(this.jdbc, createStatement(), this::exists);
		}
		catch (DataAccessException ex) {
			throw new MigrateException(new Diagnosis(
					Text.of("Could not create the history table " + this.qualifiedName + ": "
							+ stripped(ex.getMostSpecificCause().getMessage()) + "."),
					Text.of("Nothing was changed in the database."),
					Text.of("Check that the migrating account may create tables (or connect as one that may: ",
							Remedy.change(Setting.USER), "), and that the schema (", Remedy.change(Setting.SCHEMA),
							") exists.")),
					ex);
		}
	}

	String createStatement() {
		String timestamp = this.dialect.instantType();
		return "CREATE TABLE " + this.qualifiedName + " (" //
				+ "installed_rank INT NOT NULL PRIMARY KEY, " //
				+ "version VARCHAR(" + Migration.MAX_VERSION_LENGTH + ") NOT NULL, " //
				+ "description VARCHAR(" + Migration.MAX_DESCRIPTION_LENGTH + ") NOT NULL, " //
				+ "type VARCHAR(20) NOT NULL, " //
				+ "bean_name VARCHAR(" + Migration.MAX_BEAN_NAME_LENGTH + "), " //
				+ "class_name VARCHAR(" + Migration.MAX_CLASS_NAME_LENGTH + "), " //
				+ "checksum VARCHAR(64), " //
				+ "installed_by VARCHAR(100) NOT NULL, " //
				+ "installed_on " + timestamp + " NOT NULL, " //
				+ "execution_time BIGINT NOT NULL, " //
				+ "status VARCHAR(20) NOT NULL, " //
				+ "error_message " + this.dialect.longTextType() + ", " //
				+ "rolled_back_by VARCHAR(100), " //
				+ "rolled_back_on " + timestamp + ", " //
				+ "format_version INT NOT NULL, " //
				+ "class_hash VARCHAR(32))";
	}

	/**
	 * Read every row, in the order written. A missing table reads as empty.
	 * @return the rows
	 * @throws MigrateException if the table was written by a newer migrate or is not a
	 * history table
	 */
	public List<HistoryRow> read() {
		return read(false);
	}

	/**
	 * Read every row with only what validation and finding pending migrations need (rank,
	 * version, type, checksum, status): the check every start makes. Other text columns
	 * read as empty.
	 * @return the rows
	 * @throws MigrateException if the table was written by a newer migrate or is not a
	 * history table
	 */
	public List<HistoryRow> readForCheck() {
		return read(true);
	}

	private List<HistoryRow> read(boolean forCheck) {
		if (this.classHashColumn == null && this.dialect.driverLogsRejectedStatements() && !exists()) {
			// A first read, of a table a new database (or tenant) does not have yet: no
			// rejected query for the driver to log as a warning.
			return List.of();
		}
		try {
			return queryRows(forCheck);
		}
		catch (DataAccessException ex) {
			if (!exists()) {
				return List.of();
			}
			if (this.classHashColumn == null && !hasClassHashColumn()) {
				// Created by an older migrate: read it without the column.
				this.classHashColumn = false;
			}
			try {
				// Another instance may have created it since the query: read it again.
				return queryRows(forCheck);
			}
			catch (DataAccessException again) {
				throw new MigrateException(new Diagnosis(
						Text.of("The table " + this.qualifiedName
								+ " exists but could not be read as a migrate history table: "
								+ stripped(again.getMostSpecificCause().getMessage()) + "."),
						Text.of("Nothing was changed in the database."),
						Text.of("If it belongs to something else, give migrate another history table (",
								Remedy.change(Setting.TABLE), ").")),
						again);
			}
		}
	}

	// Columns by position: the label look-ups cost more than the read itself on a large
	// history.
	private List<HistoryRow> queryRows(boolean forCheck) {
		boolean withHash = !Boolean.FALSE.equals(this.classHashColumn);
		String hash = withHash ? ", class_hash" : "";
		List<HistoryRow> rows;
		if (forCheck) {
			rows = this.jdbc.query(
					"SELECT installed_rank, version, type, status, checksum, format_version" + hash + " FROM "
							+ this.qualifiedName + " ORDER BY installed_rank",
					(rs, rowNum) -> checkFormat(new HistoryRow(rs.getInt(1), version(rs), type(rs, 3), status(rs, 4),
							rs.getString(5), rs.getInt(6), null, withHash ? rs.getString(7) : null)));
		}
		else {
			rows = this.jdbc.query(
					"SELECT " + COLUMNS + hash + " FROM " + this.qualifiedName + " ORDER BY installed_rank",
					(rs, rowNum) -> checkFormat(new HistoryRow(rs.getInt(1), version(rs), type(rs, 4), status(rs, 11),
							rs.getString(7), rs.getInt(15),
							new HistoryRow.Audit(rs.getString(3), rs.getString(5), rs.getString(6), rs.getString(8),
									orEpoch(this.dialect.readInstant(rs, 9)), Duration.ofMillis(rs.getLong(10)),
									rs.getString(12), rs.getString(13), this.dialect.readInstant(rs, 14)),
							withHash ? rs.getString(16) : null)));
		}
		if (withHash) {
			this.classHashColumn = true;
		}
		return rows;
	}

	/**
	 * Whether the table has the {@code class_hash} column.
	 * @return {@code true} if it has
	 */
	public boolean hasClassHashColumn() {
		try {
			this.jdbc.queryForList("SELECT class_hash FROM " + this.qualifiedName + " WHERE 1 = 0");
			return true;
		}
		catch (DataAccessException ex) {
			return false;
		}
	}

	private HistoryType type(ResultSet rs, int column) throws SQLException {
		return enumValue(HistoryType.class, rs, column, "type");
	}

	private HistoryStatus status(ResultSet rs, int column) throws SQLException {
		return enumValue(HistoryStatus.class, rs, column, "status");
	}

	private <E extends Enum<E>> E enumValue(Class<E> type, ResultSet rs, int column, String name) throws SQLException {
		String text = rs.getString(column);
		try {
			return Enum.valueOf(type, (text != null) ? text.trim() : "");
		}
		catch (IllegalArgumentException ex) {
			throw new MigrateException("The history table " + this.qualifiedName + " has a row (installed_rank "
					+ rs.getInt(1) + ", version " + rs.getString(2) + ") whose " + name + " '" + text
					+ "' is not one of " + Arrays.toString(type.getEnumConstants())
					+ "; was it edited by hand? Correct or delete that row. Nothing was changed in the database.");
		}
	}

	private HistoryRow checkFormat(HistoryRow row) {
		int format = row.formatVersion();
		if (format > FORMAT_VERSION) {
			throw new MigrateException("The history table " + this.qualifiedName + " was written by a newer version"
					+ " of migrate (row " + row.installedRank() + ", migration " + row.version() + ", has format "
					+ format + "; this version reads format " + FORMAT_VERSION
					+ " and older). Upgrade migrate in this application; nothing was changed.");
		}
		return row;
	}

	// Both queries start with installed_rank, version.
	private Version version(ResultSet rs) throws SQLException {
		String versionText = rs.getString(2);
		try {
			return Version.parse(versionText);
		}
		catch (IllegalArgumentException ex) {
			throw new MigrateException("The history table " + this.qualifiedName + " has a row (installed_rank "
					+ rs.getInt(1) + ") whose version '" + versionText + "' is not valid; was it edited by hand?"
					+ " Correct or delete that row. Nothing was changed in the database.");
		}
	}

	private static Instant orEpoch(@Nullable Instant instant) {
		return (instant != null) ? instant : Instant.EPOCH;
	}

	/**
	 * Bring a history table written by an older migrate to the current format, under the
	 * lock: timestamps written in each session's own zone become zoned (UTC on MySQL and
	 * MariaDB), read as the zone of this session. Does nothing when every row is current.
	 * @return the number of rows upgraded
	 */
	public int upgradeFormat() {
		if (!Boolean.TRUE.equals(this.classHashColumn) && !hasClassHashColumn()) {
			// Added without a new format: older versions read and write the table as
			// before, leaving the column empty.
			this.jdbc.execute("ALTER TABLE " + this.qualifiedName + " ADD class_hash VARCHAR(32)");
		}
		this.classHashColumn = true;
		Integer old = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM " + this.qualifiedName + " WHERE format_version < " + FORMAT_VERSION,
				Integer.class);
		if (old == null || old == 0) {
			return 0;
		}
		List<String> statements = new ArrayList<>(
				this.dialect.instantColumnsUpgrade(this.qualifiedName, List.of("installed_on", "rolled_back_on")));
		statements.add("UPDATE " + this.qualifiedName + " SET format_version = " + FORMAT_VERSION
				+ " WHERE format_version < " + FORMAT_VERSION);
		this.jdbc.execute((ConnectionCallback<Integer>) (connection) -> {
			// One transaction where DDL is transactional; elsewhere each step is safe to
			// repeat after an interruption (ALTER to the same type; rows marked last).
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				for (String sql : statements) {
					statement.execute(sql);
				}
				connection.commit();
			}
			catch (SQLException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
			return statements.size();
		});
		return old;
	}

	/**
	 * Record a migration that starts running outside a transaction, before it runs.
	 * {@code installed_on} is the database's current time, so instances with different
	 * clocks agree.
	 * @param jdbc the template to write with, bound to the migration's connection
	 * @param migration the migration
	 */
	public void insertRunning(JdbcTemplate jdbc, MigrationRecord migration) {
		insertMigration(jdbc, migration, HistoryStatus.RUNNING, Duration.ZERO);
	}

	/**
	 * Record a migration that was applied, in the transaction that applied it.
	 * @param jdbc the template to write with, bound to the migration's connection
	 * @param migration the migration
	 * @param executionTime how long it took
	 */
	public void insertApplied(JdbcTemplate jdbc, MigrationRecord migration, Duration executionTime) {
		insertMigration(jdbc, migration, HistoryStatus.SUCCESS, executionTime);
	}

	private void insertMigration(JdbcTemplate jdbc, MigrationRecord migration, HistoryStatus status,
			Duration executionTime) {
		insert(jdbc, migration.installedRank(), migration.version(), migration.description(), HistoryType.MIGRATION,
				migration.beanName(), migration.className(), migration.checksum(), migration.installedBy(),
				executionTime, status, migration.classHash());
	}

	/**
	 * Record a baseline: the database is at a version that migrate did not apply.
	 * @param installedRank the rank of the new row
	 * @param version the version the database is at
	 * @param description the description of the baseline
	 * @param installedBy who baselines it
	 */
	public void insertBaseline(int installedRank, Version version, String description, String installedBy) {
		insert(this.jdbc, installedRank, version, description, HistoryType.BASELINE, null, null, null, installedBy,
				Duration.ZERO, HistoryStatus.SUCCESS, null);
	}

	/**
	 * Record a migration that another tool applied, with what that tool recorded: the
	 * rows of migrate taking over a database, written together in the caller's
	 * transaction.
	 * @param jdbc the template to write with, bound to the caller's transaction
	 * @param installedRank the rank of the new row
	 * @param type {@link HistoryType#BASELINE} or {@link HistoryType#MIGRATION}
	 * @param version the version
	 * @param description the description recorded by the other tool
	 * @param checksum the checksum, in its stored form
	 * @param installedBy who applied it
	 * @param installedOn when it was applied
	 * @param executionTime how long it took
	 */
	public void insertCarriedOver(JdbcTemplate jdbc, int installedRank, HistoryType type, Version version,
			String description, String checksum, String installedBy, Instant installedOn, Duration executionTime) {
		jdbc.update(
				"INSERT INTO " + this.qualifiedName + " (" + COLUMNS
						+ ") VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?)",
				installedRank, version.toString(), truncate(description, Migration.MAX_DESCRIPTION_LENGTH), type.name(),
				truncate(checksum, 64), truncate(installedBy, 100), this.dialect.instantParameter(installedOn),
				executionTime.toMillis(), HistoryStatus.SUCCESS.name(), FORMAT_VERSION);
	}

	private void insert(JdbcTemplate jdbc, int installedRank, Version version, String description, HistoryType type,
			@Nullable String beanName, @Nullable String className, @Nullable String checksum, String installedBy,
			Duration executionTime, HistoryStatus status, @Nullable String classHash) {
		jdbc.update(
				"INSERT INTO " + this.qualifiedName + " (" + COLUMNS + ", class_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
						+ this.dialect.currentInstant() + ", ?, ?, NULL, NULL, NULL, ?, ?)",
				installedRank, version.toString(), truncate(description, 200), type.name(), beanName, className,
				checksum, truncate(installedBy, 100), executionTime.toMillis(), status.name(), FORMAT_VERSION,
				classHash);
	}

	/**
	 * Record how a migration that was recorded as running ended.
	 * @param jdbc the template to write with
	 * @param installedRank the row
	 * @param status the new status
	 * @param executionTime how long it took
	 * @param errorMessage the error, if it failed
	 */
	public void finish(JdbcTemplate jdbc, int installedRank, HistoryStatus status, Duration executionTime,
			@Nullable String errorMessage) {
		jdbc.update(
				"UPDATE " + this.qualifiedName
						+ " SET status = ?, execution_time = ?, error_message = ? WHERE installed_rank = ?",
				status.name(), executionTime.toMillis(), truncate(errorMessage, this.dialect.longTextLength()),
				installedRank);
	}

	/**
	 * Mark a row as rolled back, keeping it as a record of who rolled it back and when.
	 * @param jdbc the template to write with
	 * @param installedRank the row
	 * @param rolledBackBy who rolled it back
	 */
	public void markRolledBack(JdbcTemplate jdbc, int installedRank, String rolledBackBy) {
		jdbc.update(
				"UPDATE " + this.qualifiedName + " SET status = ?, rolled_back_by = ?, rolled_back_on = "
						+ this.dialect.currentInstant() + " WHERE installed_rank = ?",
				HistoryStatus.ROLLED_BACK.name(), truncate(rolledBackBy, 100), installedRank);
	}

	/**
	 * Record that a rollback started, before running a {@code down} that the database
	 * cannot undo, so an interruption is reported on the next start.
	 * @param jdbc the template to write with
	 * @param installedRank the row
	 * @param rolledBackBy who rolls it back
	 */
	public void markRollingBack(JdbcTemplate jdbc, int installedRank, String rolledBackBy) {
		jdbc.update(
				"UPDATE " + this.qualifiedName + " SET status = ?, rolled_back_by = ?, rolled_back_on = "
						+ this.dialect.currentInstant() + " WHERE installed_rank = ?",
				HistoryStatus.ROLLING_BACK.name(), truncate(rolledBackBy, 100), installedRank);
	}

	/**
	 * Mark an applied row whose {@code down} failed outside a transaction.
	 * @param jdbc the template to write with
	 * @param installedRank the row
	 * @param errorMessage the error
	 */
	public void markRollbackFailed(JdbcTemplate jdbc, int installedRank, String errorMessage) {
		jdbc.update("UPDATE " + this.qualifiedName + " SET status = ?, error_message = ? WHERE installed_rank = ?",
				HistoryStatus.ROLLBACK_FAILED.name(), truncate(errorMessage, this.dialect.longTextLength()),
				installedRank);
	}

	/**
	 * Record that a migration whose rollback failed or was interrupted is applied again,
	 * after the part of the rollback that happened was undone by hand.
	 * @param installedRank the row
	 */
	public void restoreApplied(int installedRank) {
		this.jdbc.update("UPDATE " + this.qualifiedName
				+ " SET status = ?, error_message = NULL, rolled_back_by = NULL, rolled_back_on = NULL"
				+ " WHERE installed_rank = ?", HistoryStatus.SUCCESS.name(), installedRank);
	}

	/**
	 * Record a migration's checksum anew: the same migration, computed with the current
	 * algorithm.
	 * @param installedRank the row
	 * @param checksum the checksum, in its stored form
	 */
	public void recordChecksum(int installedRank, String checksum) {
		recordChecksum(installedRank, checksum, null);
	}

	/**
	 * Record a migration's checksum anew, with the hash of the class file it was computed
	 * from.
	 * @param installedRank the row
	 * @param checksum the checksum, in its stored form
	 * @param classHash the hash of the raw bytes of the class file, or {@code null}
	 */
	public void recordChecksum(int installedRank, String checksum, @Nullable String classHash) {
		this.jdbc.update("UPDATE " + this.qualifiedName + " SET checksum = ?, class_hash = ? WHERE installed_rank = ?",
				checksum, classHash, installedRank);
	}

	/**
	 * Delete a row (repair of a failed migration).
	 * @param installedRank the row
	 */
	public void delete(int installedRank) {
		this.jdbc.update("DELETE FROM " + this.qualifiedName + " WHERE installed_rank = ?", installedRank);
	}

	/**
	 * Align a row with the code (repair after an intended change of an applied
	 * migration).
	 * @param installedRank the row
	 * @param checksum the checksum of the code
	 * @param description the description in the code
	 * @param beanName the bean name in the code
	 * @param className the class name in the code
	 */
	public void realign(int installedRank, String checksum, String description, String beanName, String className) {
		realign(installedRank, checksum, description, beanName, className, null);
	}

	/**
	 * Align a row with the code, with the hash of the class file its checksum was
	 * computed from.
	 * @param installedRank the row
	 * @param checksum the checksum of the code
	 * @param description the description in the code
	 * @param beanName the bean name in the code
	 * @param className the class name in the code
	 * @param classHash the hash of the raw bytes of the class file, or {@code null}
	 */
	public void realign(int installedRank, String checksum, String description, String beanName, String className,
			@Nullable String classHash) {
		this.jdbc.update(
				"UPDATE " + this.qualifiedName
						+ " SET checksum = ?, description = ?, bean_name = ?, class_name = ?, class_hash = ?"
						+ " WHERE installed_rank = ?",
				checksum, truncate(description, 200), beanName, className, classHash, installedRank);
	}

	/**
	 * Name of the account the data source connects as.
	 * @return the user name
	 */
	public String currentUser() {
		return withConnection((connection) -> {
			String user = connection.getMetaData().getUserName();
			return (user != null) ? user : "unknown";
		});
	}

	private static String stripped(@Nullable String message) {
		String text = (message != null) ? message.strip() : "";
		while (text.endsWith(".")) {
			text = text.substring(0, text.length() - 1);
		}
		return text;
	}

	private static @Nullable String truncate(@Nullable String value, int length) {
		return (value != null && value.length() > length) ? value.substring(0, length) : value;
	}

	private <T> T withConnection(MetaDataCallback<T> callback) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			return callback.doWith(connection);
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read the database metadata for the history table "
					+ this.qualifiedName + ": " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	@FunctionalInterface
	private interface MetaDataCallback<T> {

		T doWith(Connection connection) throws SQLException;

	}

}
