package dev.migrate.boot.autoconfigure.command;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * When {@code migrate.command} is set, makes the application a non-web one: a command
 * runs and exits, and must not open the application's port meanwhile. Refuses a command
 * with {@code migrate.enabled=false}, which would otherwise start the whole application
 * instead of running it and never exit.
 */
class MigrateCommandEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "migrateCommand";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String command = environment.getProperty("migrate.command");
		if (!StringUtils.hasText(command)) {
			return;
		}
		if (!isEnabled(environment, command)) {
			throw new MigrateCommandConfigurationException(command,
					"migrate.enabled=false switches migrate off, so the command cannot run; the application would"
							+ " start instead and not exit. Nothing was changed in the database.",
					"Run the command with --migrate.enabled=true (a command-line argument overrides the configuration"
							+ " it shares with the application, such as a ConfigMap), or remove migrate.command to"
							+ " start the application.");
		}
		Map<String, Object> properties = new java.util.HashMap<>();
		properties.put("spring.main.web-application-type", "none");
		if (MigrateCommand.of(command) == MigrateCommand.GENERATE) {
			// Generate compares the entities with the database as the migrations left it:
			// Hibernate must neither change the schema nor fail validating it.
			properties.put("spring.jpa.hibernate.ddl-auto", "none");
			properties.put("spring.jpa.properties.hibernate.hbm2ddl.auto", "none");
			properties.put("spring.jpa.properties.jakarta.persistence.schema-generation.database.action", "none");
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

	private static boolean isEnabled(ConfigurableEnvironment environment, String command) {
		try {
			return Binder.get(environment).bind("migrate.enabled", Boolean.class).orElse(true);
		}
		catch (BindException ex) {
			throw new MigrateCommandConfigurationException(command, ex);
		}
	}

	@Override
	public int getOrder() {
		// After the config data (application.yml, profiles) has been loaded.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
