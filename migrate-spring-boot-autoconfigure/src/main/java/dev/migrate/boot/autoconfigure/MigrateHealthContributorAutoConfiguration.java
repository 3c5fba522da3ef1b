package dev.migrate.boot.autoconfigure;

import java.util.Map;

import dev.migrate.Migrator;
import dev.migrate.boot.actuate.health.MigrationsHealthIndicator;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code migrations} health
 * contributor: one {@link MigrationsHealthIndicator} per {@link Migrator}, expecting the
 * migrations up to {@code migrate.target} to be applied.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
@ConditionalOnClass({ HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(Migrator.class)
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrateHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "migrationsHealthIndicator", "migrationsHealthContributor" })
	HealthContributor migrationsHealthContributor(ListableBeanFactory beanFactory,
			ObjectProvider<MigrateProperties> properties) {
		// Migrations above migrate.target are held back on purpose: not a reason to be
		// down.
		MigrateProperties migrateProperties = properties.getIfAvailable();
		String target = (migrateProperties != null) ? migrateProperties.getTarget() : null;
		Map<String, Migrator> migrators = beanFactory.getBeansOfType(Migrator.class);
		if (migrators.size() == 1) {
			return new MigrationsHealthIndicator(migrators.values().iterator().next(), target);
		}
		return CompositeHealthContributor.fromMap(migrators,
				(migrator) -> new MigrationsHealthIndicator(migrator, target));
	}

}
