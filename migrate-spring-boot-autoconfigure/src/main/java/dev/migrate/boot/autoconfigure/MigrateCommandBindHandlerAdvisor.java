package dev.migrate.boot.autoconfigure;

import dev.migrate.boot.autoconfigure.command.MigrateCommandConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * While a command is asked for, turns a {@code migrate.*} property that cannot be bound
 * (a misspelt command, steps that are not a number, a malformed duration) into a
 * {@link MigrateCommandConfigurationException}, so that the process ends with the exit
 * code of invalid configuration. Spring Boot's report of the binding failure is
 * unchanged: the original failure stays the cause.
 *
 * @author migrate
 */
class MigrateCommandBindHandlerAdvisor implements ConfigurationPropertiesBindHandlerAdvisor {

	private static final ConfigurationPropertyName MIGRATE = ConfigurationPropertyName.of("migrate");

	private final String command;

	MigrateCommandBindHandlerAdvisor(String command) {
		this.command = command;
	}

	@Override
	public BindHandler apply(BindHandler bindHandler) {
		return new AbstractBindHandler(bindHandler) {

			@Override
			public @Nullable Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
					Exception error) throws Exception {
				try {
					return super.onFailure(name, target, context, error);
				}
				catch (Exception ex) {
					if (MIGRATE.isAncestorOf(name) && !isWrapped(ex)) {
						throw new MigrateCommandConfigurationException(MigrateCommandBindHandlerAdvisor.this.command,
								ex);
					}
					throw ex;
				}
			}

		};
	}

	// The binder reports a failure again for each enclosing name: wrap it once.
	private static boolean isWrapped(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof MigrateCommandConfigurationException) {
				return true;
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return false;
	}

}
