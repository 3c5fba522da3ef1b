package dev.migrate.boot.autoconfigure;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.MigrateConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Thrown at start-up when {@code migrate.url} needs a JDBC driver that is not on the
 * class path, typically in an application that reaches its database through R2DBC only
 * and so has the R2DBC driver but not the JDBC one. Nothing has been changed in the
 * database.
 *
 * @since 0.1.0
 */
public class MissingJdbcDriverException extends MigrateConfigurationException {

	private final String driverClassName;

	MissingJdbcDriverException(String driverClassName, boolean fromProperty) {
		super(new Diagnosis(
				Text.of((fromProperty ? "migrate.driver-class-name is " + driverClassName
						: "migrate.url needs the JDBC driver " + driverClassName)
						+ ", which is not on the class path."),
				Text.of("Nothing was changed in the database."),
				Text.of("migrate migrates over JDBC, also in an application that uses R2DBC: add the database's JDBC"
						+ " driver to the application's dependencies (for PostgreSQL org.postgresql:postgresql, for"
						+ " MariaDB org.mariadb.jdbc:mariadb-java-client), or set migrate.driver-class-name to a"
						+ " driver that is on the class path.")));
		this.driverClassName = driverClassName;
	}

	/**
	 * Fail if the JDBC driver of {@code migrate.url} cannot be loaded. The URL itself is
	 * not part of the message: it may hold a password.
	 * @param url the JDBC URL
	 * @param driverClassName the driver set with {@code migrate.driver-class-name}, if
	 * any
	 * @param classLoader the class loader of the application
	 * @throws MissingJdbcDriverException if the driver is not on the class path
	 */
	static void check(String url, @Nullable String driverClassName, @Nullable ClassLoader classLoader) {
		boolean fromProperty = StringUtils.hasText(driverClassName);
		String driver = fromProperty ? driverClassName : DatabaseDriver.fromJdbcUrl(url).getDriverClassName();
		if (driver != null && !ClassUtils.isPresent(driver, classLoader)) {
			throw new MissingJdbcDriverException(driver, fromProperty);
		}
	}

	/**
	 * The driver class that is missing.
	 * @return the class name
	 */
	public String getDriverClassName() {
		return this.driverClassName;
	}

}
