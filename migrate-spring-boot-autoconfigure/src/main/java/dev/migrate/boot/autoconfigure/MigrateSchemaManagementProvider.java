package dev.migrate.boot.autoconfigure;

import java.sql.DatabaseMetaData;
import java.util.Objects;

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
 * than {@code create-drop}.
 */
class MigrateSchemaManagementProvider implements SchemaManagementProvider {

	private final ObjectProvider<Migrator> migrators;

	MigrateSchemaManagementProvider(ObjectProvider<Migrator> migrators) {
		this.migrators = migrators;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		return this.migrators.stream().anyMatch((migrator) -> isSameDatabase(migrator.getDataSource(), dataSource))
				? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
	}

	private boolean isSameDatabase(DataSource migrated, DataSource candidate) {
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
