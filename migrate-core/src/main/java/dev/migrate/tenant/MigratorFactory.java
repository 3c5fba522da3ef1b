package dev.migrate.tenant;

import javax.sql.DataSource;

import dev.migrate.Migrator;

/**
 * Starts the {@link Migrator} of one tenant: the same migrations and settings for every
 * tenant, on the data source that reaches it.
 *
 * <pre class="code">
 * MigratorFactory factory = (tenant, dataSource) -> Migrator.builder(dataSource).migrations(migrations);
 * </pre>
 *
 * The {@link TenantMigrator} then sets the schema of the history table (to the tenant's
 * schema, for a tenant in a schema) and the lock timeout, and builds it.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface MigratorFactory {

	/**
	 * Start the builder of a tenant's migrator.
	 * @param tenant the tenant
	 * @param dataSource the data source to migrate it through: for a tenant in a schema,
	 * a {@link SchemaDataSource} whose connections work in that schema
	 * @return the builder
	 */
	Migrator.Builder builder(Tenant tenant, DataSource dataSource);

}
