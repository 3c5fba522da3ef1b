package dev.migrate.boot.autoconfigure.command;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * When {@code migrate.command} is set, makes the application a non-web one: a command
 * runs and exits, and must not open the application's port meanwhile.
 *
 * @author migrate
 */
class MigrateCommandEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "migrateCommand";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String command = environment.getProperty("migrate.command");
		boolean enabled = environment.getProperty("migrate.enabled", Boolean.class, true);
		if (enabled && StringUtils.hasText(command)) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
						Map.of("spring.main.web-application-type", "none")));
		}
	}

	@Override
	public int getOrder() {
		// After the config data (application.yml, profiles) has been loaded.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
