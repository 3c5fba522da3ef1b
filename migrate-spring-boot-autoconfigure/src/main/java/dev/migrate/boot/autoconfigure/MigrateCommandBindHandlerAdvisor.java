package dev.migrate.boot.autoconfigure;

import dev.migrate.boot.autoconfigure.command.MigrateCommandConfigurationException;
import dev.migrate.boot.autoconfigure.command.MigrateCommandExitHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * While a command is asked for, ends the start-up as the command would with the exit code
 * of invalid configuration when a {@code migrate.*} property cannot be bound (a misspelt
 * command, steps that are not a number, a malformed duration, an unknown key); see
 * {@link MigrateCommandConfigurationFailures}. The original failure stays the cause of
 * the {@link MigrateCommandConfigurationException}, so Spring Boot's report of the
 * binding failure is unchanged where the exit handler returns.
 */
class MigrateCommandBindHandlerAdvisor implements ConfigurationPropertiesBindHandlerAdvisor {

	private static final ConfigurationPropertyName MIGRATE = ConfigurationPropertyName.of("migrate");

	private final String command;

	private final ObjectProvider<MigrateCommandExitHandler> exitHandler;

	MigrateCommandBindHandlerAdvisor(String command, ObjectProvider<MigrateCommandExitHandler> exitHandler) {
		this.command = command;
		this.exitHandler = exitHandler;
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
					// An unknown key is reported for migrate itself, once everything is
					// bound.
					if ((MIGRATE.equals(name) || MIGRATE.isAncestorOf(name)) && !isWrapped(ex)) {
						throw MigrateCommandConfigurationFailures.handleBindFailure(
								MigrateCommandBindHandlerAdvisor.this.command, name, target,
								context.getConfigurationProperty(), ex,
								MigrateCommandBindHandlerAdvisor.this.exitHandler.getIfAvailable(), System.out);
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
