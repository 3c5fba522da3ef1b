package dev.migrate.generate;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

import org.springframework.util.Assert;

/**
 * The mapping Hibernate builds for a set of entity classes on a data source, without a
 * {@code SessionFactory} and without touching the schema: what the drift check and tests
 * compare with the database when no Spring application has built the persistence unit.
 * Close it to release Hibernate's services.
 *
 * @since 0.1.0
 */
public final class EntityModel implements AutoCloseable {

	private final StandardServiceRegistry registry;

	private final Metadata metadata;

	private EntityModel(StandardServiceRegistry registry, Metadata metadata) {
		this.registry = registry;
		this.metadata = metadata;
	}

	/**
	 * Build the mapping of entity classes.
	 * @param dataSource the database, whose product and version choose Hibernate's
	 * dialect
	 * @param entityClasses the entity, embeddable and mapped superclass classes
	 * @param settings more Hibernate settings, such as a naming strategy
	 * @return the model
	 */
	public static EntityModel of(DataSource dataSource, Collection<Class<?>> entityClasses,
			Map<String, Object> settings) {
		Assert.notNull(dataSource, "'dataSource' must not be null");
		Assert.notEmpty(entityClasses, "'entityClasses' must not be empty");
		Map<String, Object> all = new HashMap<>(settings);
		all.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
		all.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none");
		StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(all).build();
		try {
			MetadataSources sources = new MetadataSources(registry);
			entityClasses.forEach(sources::addAnnotatedClass);
			return new EntityModel(registry, sources.buildMetadata());
		}
		catch (RuntimeException ex) {
			StandardServiceRegistryBuilder.destroy(registry);
			throw ex;
		}
	}

	/**
	 * Build the mapping of entity classes with Hibernate's default settings.
	 * @param dataSource the database
	 * @param entityClasses the entity, embeddable and mapped superclass classes
	 * @return the model
	 */
	public static EntityModel of(DataSource dataSource, Collection<Class<?>> entityClasses) {
		return of(dataSource, entityClasses, Map.of());
	}

	/**
	 * The mapping.
	 * @return Hibernate's metadata
	 */
	public Metadata metadata() {
		return this.metadata;
	}

	@Override
	public void close() {
		StandardServiceRegistryBuilder.destroy(this.registry);
	}

}
