package dev.migrate.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrate.Migrator;
import dev.migrate.boot.autoconfigure.DdlAutoConflictException.MigratedDatabase;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;
import org.springframework.orm.jpa.JpaVendorAdapter;

/**
 * {@link BeanPostProcessor} that fails start-up, before Hibernate starts, when an
 * {@code EntityManagerFactory} bean on a database that migrate migrates (through a
 * {@link Migrator} bean or {@code migrate.databases}) asks Hibernate to create, drop or
 * update the schema in its own JPA properties. {@code spring.jpa.*} is checked when the
 * migrator is created ({@link DdlAutoConflictException#check}); this covers the
 * persistence units an application declares itself, whatever their properties. Units on a
 * DataSource that migrate does not migrate are left alone.
 * <p>
 * The migrated DataSources are looked up when the first {@code EntityManagerFactory} is
 * checked, not when this post-processor is registered: the migrators then exist already
 * (the factories depend on database initialization), and none is created early.
 */
final class EntityManagerFactoryDdlAutoCheck implements BeanPostProcessor {

	private static final List<String> PROPERTIES = List.of("hibernate.hbm2ddl.auto",
			"jakarta.persistence.schema-generation.database.action");

	private final ListableBeanFactory beanFactory;

	private volatile @Nullable Map<DataSource, MigratedDatabase> migrated;

	EntityManagerFactoryDdlAutoCheck(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractEntityManagerFactoryBean factory) {
			check(factory, beanName);
		}
		return bean;
	}

	private void check(AbstractEntityManagerFactoryBean factory, String beanName) {
		DataSource dataSource = factory.getDataSource();
		if (dataSource == null) {
			return;
		}
		MigratedDatabase database = migratedDatabase(dataSource);
		if (database == null) {
			return;
		}
		JpaVendorAdapter vendorAdapter = factory.getJpaVendorAdapter();
		Map<String, ?> vendorProperties = (vendorAdapter != null) ? vendorAdapter.getJpaPropertyMap() : Map.of();
		for (String property : PROPERTIES) {
			// The unit's own properties win over its vendor adapter's, as when Spring
			// merges them in afterPropertiesSet.
			Object value = factory.getJpaPropertyMap().get(property);
			boolean fromVendorAdapter = (value == null);
			if (fromVendorAdapter) {
				value = vendorProperties.get(property);
			}
			if (value != null && DdlAutoConflictException.conflicts(value.toString())) {
				throw new DdlAutoConflictException(beanName, database, property, value.toString().trim(),
						fromVendorAdapter);
			}
		}
	}

	private @Nullable MigratedDatabase migratedDatabase(DataSource dataSource) {
		Map<DataSource, MigratedDatabase> migrated = migrated();
		DataSource target = unwrap(dataSource);
		MigratedDatabase database = migrated.get(target);
		if (database != null) {
			return database;
		}
		// A connection of migrate's own (migrate.url, migrate.databases.<name>.url)
		// reaches the same database through another DataSource object.
		for (Map.Entry<DataSource, MigratedDatabase> entry : migrated.entrySet()) {
			if (MigrateSchemaManagementProvider.isSameDatabase(entry.getKey(), target)) {
				return entry.getValue();
			}
		}
		return null;
	}

	private Map<DataSource, MigratedDatabase> migrated() {
		Map<DataSource, MigratedDatabase> migrated = this.migrated;
		if (migrated == null) {
			migrated = new LinkedHashMap<>();
			Map<String, Migrator> migrators = this.beanFactory.getBeansOfType(Migrator.class);
			for (Map.Entry<String, Migrator> entry : migrators.entrySet()) {
				String name = entry.getKey();
				migrated.putIfAbsent(unwrap(entry.getValue().getDataSource()),
						(migrators.size() == 1)
								? new MigratedDatabase("primary", "the primary database (Migrator bean '" + name + "')",
										"set migrate.enabled=false")
								: new MigratedDatabase(name, "the database of Migrator bean '" + name + "'",
										"do not migrate it with Migrator bean '" + name + "'"));
			}
			for (MigrateDatabases databases : this.beanFactory.getBeansOfType(MigrateDatabases.class).values()) {
				for (Map.Entry<String, Migrator> entry : databases.getMigrators().entrySet()) {
					String name = entry.getKey();
					migrated.putIfAbsent(unwrap(entry.getValue().getDataSource()),
							new MigratedDatabase(name, "database '" + name + "' (migrate.databases." + name + ")",
									"set migrate.databases." + name + ".enabled=false"));
				}
			}
			this.migrated = migrated;
		}
		return migrated;
	}

	private static DataSource unwrap(DataSource dataSource) {
		DataSource candidate = dataSource;
		while (candidate instanceof DelegatingDataSource delegating) {
			DataSource target = delegating.getTargetDataSource();
			if (target == null) {
				break;
			}
			candidate = target;
		}
		return candidate;
	}

}
