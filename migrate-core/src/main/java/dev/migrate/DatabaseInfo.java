package dev.migrate;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The database a migration runs against, for migrations whose statements differ between
 * databases or versions.
 *
 * <pre class="code">
 * if (context.database().isPostgreSql() &amp;&amp; context.database().isAtLeast(15, 0)) {
 *     jdbc.execute("CREATE UNIQUE INDEX ... NULLS NOT DISTINCT");
 * }
 * </pre>
 *
 * @param product the product name as the JDBC driver reports it, such as "PostgreSQL",
 * "MariaDB", "MySQL", "H2" or "HSQL Database Engine"
 * @param version the product version as the driver reports it
 * @param majorVersion the major version
 * @param minorVersion the minor version
 * @param schema the schema (catalog on MySQL and MariaDB) that migrations change, the
 * connection's current one, or {@code null} if the driver does not tell
 * @param transactionalDdl whether DDL takes part in transactions, so that a failing
 * migration leaves no trace
 * @since 0.1.0
 */
public record DatabaseInfo(String product, String version, int majorVersion, int minorVersion, @Nullable String schema,
		boolean transactionalDdl) {

	/**
	 * Whether the database is PostgreSQL.
	 * @return {@code true} for PostgreSQL
	 */
	public boolean isPostgreSql() {
		return is("PostgreSQL");
	}

	/**
	 * Whether the database is MySQL or MariaDB, which share their SQL for most DDL.
	 * @return {@code true} for MySQL and MariaDB
	 */
	public boolean isMySqlOrMariaDb() {
		return is("MySQL") || is("MariaDB");
	}

	/**
	 * Whether the product name is the given one, ignoring case.
	 * @param productName the name, such as "H2"
	 * @return {@code true} if it is
	 */
	public boolean is(String productName) {
		return this.product.toLowerCase(Locale.ROOT).equals(productName.toLowerCase(Locale.ROOT));
	}

	/**
	 * Whether the database version is at least the given one.
	 * @param major the major version
	 * @param minor the minor version
	 * @return {@code true} if this version is the same or later
	 */
	public boolean isAtLeast(int major, int minor) {
		return this.majorVersion > major || (this.majorVersion == major && this.minorVersion >= minor);
	}

}
