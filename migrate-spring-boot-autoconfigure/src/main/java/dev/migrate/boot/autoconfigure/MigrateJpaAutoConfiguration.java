package dev.migrate.boot.autoconfigure;

import dev.migrate.Migrator;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that keeps Hibernate from changing
 * the schemas migrate manages in the persistence units an application declares itself:
 * start-up fails, before Hibernate starts, when an {@code EntityManagerFactory} bean on a
 * migrated database (the primary one or one of {@code migrate.databases}) sets
 * {@code hibernate.hbm2ddl.auto} or
 * {@code jakarta.persistence.schema-generation.database.action} to a value that creates,
 * drops or updates tables. Units on other DataSources keep their settings.
 *
 * @since 0.2.0
 */
@AutoConfiguration(after = { MigrateAutoConfiguration.class, MigrateDatabasesAutoConfiguration.class })
@ConditionalOnClass(name = "org.springframework.orm.jpa.AbstractEntityManagerFactoryBean")
@ConditionalOnBean(Migrator.class)
public final class MigrateJpaAutoConfiguration {

	@Bean
	static EntityManagerFactoryDdlAutoCheck migrateEntityManagerFactoryDdlAutoCheck(ListableBeanFactory beanFactory) {
		// Static, and given the bean factory rather than the migrators: a post-processor
		// is created before other beans, which must not be pulled in that early.
		return new EntityManagerFactoryDdlAutoCheck(beanFactory);
	}

}
