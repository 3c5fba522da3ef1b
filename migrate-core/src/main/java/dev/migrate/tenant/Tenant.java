package dev.migrate.tenant;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A tenant to migrate, and how to reach it: a schema of the shared data source (a
 * database of the server, on MySQL and MariaDB), or a data source of its own.
 *
 * @param name the tenant's name, a plain identifier, unique among tenants regardless of
 * case
 * @param schema the schema of the shared data source the tenant lives in, or {@code null}
 * when it has a data source of its own
 * @param dataSource the tenant's own data source, or {@code null} when it lives in a
 * schema of the shared one
 * @since 0.2.0
 */
public record Tenant(String name, @Nullable String schema, @Nullable DataSource dataSource) {

	public Tenant {
		Assert.notNull(name, "'name' must not be null");
		Assert.isTrue(schema == null || dataSource == null, "A tenant has a schema or a data source, not both");
	}

	/**
	 * A tenant in the schema of its name, in the shared data source.
	 * @param name the tenant's name, also its schema
	 * @return the tenant
	 */
	public static Tenant schema(String name) {
		return new Tenant(name, name, null);
	}

	/**
	 * A tenant in a schema of the shared data source.
	 * @param name the tenant's name
	 * @param schema its schema
	 * @return the tenant
	 */
	public static Tenant schema(String name, String schema) {
		Assert.notNull(schema, "'schema' must not be null");
		return new Tenant(name, schema, null);
	}

	/**
	 * A tenant with a database of its own, reached through its own data source. Its
	 * history table lives in the data source's current schema.
	 * @param name the tenant's name
	 * @param dataSource its data source
	 * @return the tenant
	 */
	public static Tenant dataSource(String name, DataSource dataSource) {
		Assert.notNull(dataSource, "'dataSource' must not be null");
		return new Tenant(name, null, dataSource);
	}

	@Override
	public String toString() {
		return (this.schema != null) ? this.name + " (schema " + this.schema + ")" : this.name + " (own data source)";
	}

}
