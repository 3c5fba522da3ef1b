package dev.migrate.boot.autoconfigure;

import java.sql.DatabaseMetaData;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migrate.Migrator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * {@link SchemaManagementProvider} that reports the data sources migrate migrates as
 * managed, so that Hibernate's default {@code ddl-auto} for them is {@code none} rather
 * than {@code create-drop}: for Spring Boot's persistence unit, and for those built with
 * Spring Boot's {@code EntityManagerFactoryBuilder} on another migrated database.
 */
class MigrateSchemaManagementProvider implements SchemaManagementProvider {

	private final Supplier<Stream<DataSource>> migrated;

	MigrateSchemaManagementProvider(ObjectProvider<Migrator> migrators) {
		this(() -> migrators.stream().map(Migrator::getDataSource));
	}

	/**
	 * Create a provider.
	 * @param migrated the data sources that migrate migrates, looked up on each call
	 */
	MigrateSchemaManagementProvider(Supplier<Stream<DataSource>> migrated) {
		this.migrated = migrated;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		return this.migrated.get().anyMatch((migrated) -> isSameDatabase(migrated, dataSource))
				? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
	}

	/**
	 * Whether two data sources reach the same database: the same object, or the same JDBC
	 * URL (which connects to both).
	 * @param migrated a data source that migrate migrates
	 * @param candidate another data source
	 * @return whether they reach the same database
	 */
	static boolean isSameDatabase(DataSource migrated, DataSource candidate) {
		if (migrated == candidate) {
			return true;
		}
		// A dedicated connection (migrate.url/user) reaches the same database through
		// another DataSource object.
		String migratedUrl = url(migrated);
		return migratedUrl != null && Objects.equals(migratedUrl, url(candidate));
	}

	private static @Nullable String url(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
		}
		catch (MetaDataAccessException ex) {
			return null;
		}
	}

}
