package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import dev.migrate.DatabaseInfo;
import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.MigrateException;
import dev.migrate.Remedy;
import dev.migrate.Setting;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Chooses the {@link Dialect} of a database from its metadata.
 *
 * @since 0.1.0
 */
public final class Dialects {

	private static final Log logger = LogFactory.getLog(Dialects.class);

	private static final Set<String> warnedProducts = ConcurrentHashMap.newKeySet();

	private Dialects() {
	}

	/**
	 * Detect the dialect of a data source.
	 * @param dataSource the data source
	 * @return its dialect, or the generic one for an unknown database
	 */
	public static Dialect detect(DataSource dataSource) {
		return inspect(dataSource, null).dialect();
	}

	/**
	 * Read, on one connection, what the engine and migrations need to know about a
	 * database.
	 * @param dataSource the data source
	 * @param configured the dialect to use instead of detecting one, or {@code null}
	 * @return the dialect and the description of the database
	 * @throws MigrateException if no connection could be opened
	 */
	public static Inspection inspect(DataSource dataSource, @Nullable Dialect configured) {
		Connection connection;
		try {
			connection = DataSourceUtils.getConnection(dataSource);
		}
		catch (CannotGetJdbcConnectionException ex) {
			throw new MigrateException(
					new Diagnosis(
							Text.of("migrate could not connect to the database to migrate it: " + reason(ex) + "."),
							Text.of("Nothing was changed."), Text.of(
									"Start the database, or check that it is reachable from here, and the URL, user and"
											+ " password of the connection (",
									Remedy.change(Setting.CONNECTION), ").")),
					ex);
		}
		try {
			DatabaseMetaData metaData = connection.getMetaData();
			Dialect dialect = (configured != null) ? configured : forMetaData(metaData);
			@Nullable String[] scope = dialect.metaDataScope(connection, null);
			DatabaseInfo info = new DatabaseInfo(metaData.getDatabaseProductName(),
					metaData.getDatabaseProductVersion(), metaData.getDatabaseMajorVersion(),
					metaData.getDatabaseMinorVersion(), (scope[1] != null) ? scope[1] : scope[0],
					dialect.supportsTransactionalDdl());
			return new Inspection(dialect, info);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not read the database metadata to choose a dialect: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * Choose the dialect for the given metadata.
	 * @param metaData the database metadata
	 * @return its dialect, or the generic one for an unknown database
	 * @throws SQLException on a metadata failure
	 */
	public static Dialect forMetaData(DatabaseMetaData metaData) throws SQLException {
		return forProductName(metaData.getDatabaseProductName());
	}

	/**
	 * Choose the dialect for a product name.
	 * @param productName the product name as the JDBC driver reports it
	 * @return its dialect, or the generic one for an unknown database
	 */
	public static Dialect forProductName(String productName) {
		// Created on demand: a start loads its own database's dialect class only.
		return switch (productName.toLowerCase(Locale.ROOT)) {
			case "postgresql" -> new PostgresDialect();
			case "mysql" -> new MySqlDialect("MySQL");
			case "mariadb" -> new MySqlDialect("MariaDB");
			case "h2" -> new H2Dialect();
			case "hsql database engine" -> new HsqldbDialect();
			default -> generic(productName);
		};
	}

	private static Dialect generic(String productName) {
		if (warnedProducts.add(productName)) {
			logger.warn("migrate has no dialect for '" + productName
					+ "'; using the generic one (history in standard SQL, locking with a lock row)");
		}
		return new GenericDialect(productName);
	}

	/**
	 * What {@link #inspect} found.
	 *
	 * @param dialect the dialect to use
	 * @param info the description of the database that migrations see
	 */
	public record Inspection(Dialect dialect, DatabaseInfo info) {

	}

	private static String reason(Throwable ex) {
		// The driver's own message names the host and port; the causes below it do not.
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof SQLException && candidate.getMessage() != null) {
				return candidate.getMessage().strip().replaceAll("\\.+$", "");
			}
		}
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

}
