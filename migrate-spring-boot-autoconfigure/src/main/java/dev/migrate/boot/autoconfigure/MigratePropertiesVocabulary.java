package dev.migrate.boot.autoconfigure;

import java.util.Locale;

import dev.migrate.Remedy.Run;
import dev.migrate.Setting;
import dev.migrate.Vocabulary;

/**
 * Names the engine's settings and operations as a Spring Boot application configures
 * them: {@code migrate.*} properties and {@code --migrate.command} commands. The
 * auto-configured {@link dev.migrate.Migrator} speaks it, so its errors, the failure
 * analysis at start-up and the reports of commands tell users what to set or run.
 *
 * @since 0.1.0
 */
public final class MigratePropertiesVocabulary implements Vocabulary {

	/** The vocabulary. */
	public static final MigratePropertiesVocabulary INSTANCE = new MigratePropertiesVocabulary();

	private MigratePropertiesVocabulary() {
	}

	@Override
	public String setting(Setting setting) {
		if (setting == Setting.USER) {
			return "migrate.user and migrate.password";
		}
		if (setting == Setting.CONNECTION) {
			return "spring.datasource.url, spring.datasource.username and spring.datasource.password, or migrate.url,"
					+ " migrate.user and migrate.password when they are set";
		}
		if (setting == Setting.TENANTS) {
			return "migrate.tenants.names, or the application's TenantSource bean";
		}
		if (setting == Setting.TENANT_FAILURE_POLICY) {
			return "migrate.tenants.failure-policy";
		}
		return "migrate." + setting.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	@Override
	public String assignment(Setting setting, String value) {
		return setting(setting) + "=" + value;
	}

	@Override
	public String operation(Run run) {
		StringBuilder command = new StringBuilder("--migrate.command=")
			.append(run.operation().name().toLowerCase(Locale.ROOT));
		if (run.steps() != null) {
			command.append(" --migrate.steps=").append(run.steps());
		}
		if (run.target() != null) {
			command.append(" --migrate.target=").append(run.target());
		}
		return command.toString();
	}

}
