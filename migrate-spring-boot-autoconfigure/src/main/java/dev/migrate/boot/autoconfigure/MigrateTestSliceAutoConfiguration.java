package dev.migrate.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for test slices such as {@code @JdbcTest} and {@code @DataJpaTest},
 * whose component scanning leaves {@link dev.migrate.Migration @Migration} classes out:
 * registers them, so the slice's database is migrated as the application's is. Imported
 * only by those slices (through {@code AutoConfigureDataSourceInitialization.imports}),
 * so an application's start-up never pays for the scan.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = MigrateAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "migrate.enabled", matchIfMissing = true)
public final class MigrateTestSliceAutoConfiguration {

	@Bean
	static MigrationBeanDefinitionRegistrar migrationBeanDefinitionRegistrar() {
		return new MigrationBeanDefinitionRegistrar();
	}

}
