package dev.migrate.boot.autoconfigure;

import dev.migrate.Migrator;
import dev.migrate.boot.actuate.observation.MigrateObservationListener;
import dev.migrate.boot.actuate.observation.MigrationObservationConvention;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the observation of each
 * migration run, which Spring Boot records as the timer {@code migrate.migration} when
 * there is a meter registry and as a span when there is a tracer. A
 * {@link MigrationObservationConvention} bean replaces the default convention.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean({ ObservationRegistry.class, Migrator.class })
public final class MigrateObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrateObservationListener migrateObservationListener(ObservationRegistry registry,
			ObjectProvider<MigrationObservationConvention> convention) {
		return new MigrateObservationListener(registry, convention.getIfUnique());
	}

}
