package dev.migrate.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.migrate.Migrator;
import dev.migrate.boot.actuate.endpoint.MigrationsEndpoint;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link MigrationsEndpoint}
 * at {@code /actuator/migrations}: the {@link Migrator} beans of each context, and the
 * databases of its {@link MigrateDatabases} ({@code migrate.databases}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrateEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean(Migrator.class)
	@ConditionalOnMissingBean
	MigrationsEndpoint migrationsEndpoint(ApplicationContext context) {
		return new MigrationsEndpoint(context, MigrateEndpointAutoConfiguration::databases);
	}

	// The context's own MigrateDatabases, not its ancestors': the endpoint walks them.
	private static Map<String, Migrator> databases(ApplicationContext context) {
		Map<String, Migrator> databases = new LinkedHashMap<>();
		context.getBeansOfType(MigrateDatabases.class)
			.values()
			.forEach((beans) -> databases.putAll(beans.getMigrators()));
		return databases;
	}

}
