package dev.migrate.boot.autoconfigure;

import dev.migrate.Migrator;
import dev.migrate.boot.actuate.observation.MigrateObservationListener;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for an observation around each
 * migration.
 *
 * @author migrate
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean({ ObservationRegistry.class, Migrator.class })
public final class MigrateObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrateObservationListener migrateObservationListener(ObservationRegistry registry) {
		return new MigrateObservationListener(registry);
	}

}
