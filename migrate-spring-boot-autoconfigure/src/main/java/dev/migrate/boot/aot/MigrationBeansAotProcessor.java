package dev.migrate.boot.aot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.MigrateDefaults;
import dev.migrate.Migration;
import dev.migrate.resolver.SqlFileMigration;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * {@link BeanFactoryInitializationAotProcessor} that tells a GraalVM native image what
 * migrate needs of each {@link Migration @Migration} bean of the application, found at
 * build time:
 * <ul>
 * <li>reflection on its class and superclasses: migrate finds {@code up} and {@code down}
 * among their methods, reads their parameter types to bind them, and invokes them;</li>
 * <li>its class file as a resource: the checksum of a migration is computed from the
 * bytecode of {@code up}, {@code down} and the methods of the class they call (lambdas
 * included, which are methods of the same class), read from that file; no other class
 * file is read, not even those of its nested or anonymous classes;</li>
 * <li>the SQL scripts next to it ({@code *.sql} in its package), for migrations that run
 * a script with Spring's {@code ScriptUtils} or {@code ResourceDatabasePopulator}.</li>
 * </ul>
 *
 * @since 0.1.0
 */
class MigrationBeansAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		Set<Class<?>> migrations = new LinkedHashSet<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			Class<?> type = beanFactory.getType(name, false);
			if (type != null) {
				Class<?> userClass = ClassUtils.getUserClass(type);
				if (AnnotatedElementUtils.hasAnnotation(userClass, Migration.class)) {
					migrations.add(userClass);
				}
			}
		}
		List<String> locations = sqlLocations(beanFactory);
		return (generationContext, code) -> {
			RuntimeHints hints = generationContext.getRuntimeHints();
			registerHints(hints, migrations);
			registerSqlFileHints(hints, locations);
		};
	}

	private static List<String> sqlLocations(ConfigurableListableBeanFactory beanFactory) {
		if (!beanFactory.containsBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME)) {
			return List.of(MigrateDefaults.SQL_LOCATION);
		}
		Environment environment = beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME,
				Environment.class);
		Binder binder = Binder.get(environment);
		List<String> locations = new ArrayList<>(binder.bind("migrate.locations", Bindable.listOf(String.class))
			.orElse(List.of(MigrateDefaults.SQL_LOCATION)));
		locations.addAll(binder.bind("migrate.tenants.locations", Bindable.listOf(String.class)).orElse(List.of()));
		binder.bind("migrate.databases", Bindable.mapOf(String.class, DatabaseLocations.class))
			.orElse(Map.of())
			.values()
			.forEach((database) -> locations.addAll(database.locations()));
		return locations;
	}

	/**
	 * The SQL-file locations of one database of {@code migrate.databases}, the rest of
	 * its settings ignored.
	 *
	 * @param locations the locations
	 */
	record DatabaseLocations(@DefaultValue List<String> locations) {

	}

	/**
	 * Register what SQL-file migrations need: the files under the class path locations,
	 * and the methods that run them.
	 * @param hints the hints to add to
	 * @param locations the values of {@code migrate.locations}
	 */
	static void registerSqlFileHints(RuntimeHints hints, List<String> locations) {
		hints.reflection().registerType(SqlFileMigration.class, MemberCategory.INVOKE_PUBLIC_METHODS);
		for (String location : locations) {
			if (location.startsWith("classpath:") || location.startsWith("classpath*:")) {
				String path = StringUtils.trimTrailingCharacter(
						StringUtils.trimLeadingCharacter(location.substring(location.indexOf(':') + 1), '/'), '/');
				hints.resources().registerPattern(path.isEmpty() ? "**/*.sql" : path + "/**/*.sql");
			}
		}
	}

	static void registerHints(RuntimeHints hints, Set<Class<?>> migrations) {
		hints.reflection().registerType(Migration.class, MemberCategory.INVOKE_PUBLIC_METHODS);
		for (Class<?> migration : migrations) {
			for (Class<?> type = migration; type != null && type != Object.class; type = type.getSuperclass()) {
				hints.reflection()
					.registerType(type, MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.INVOKE_PUBLIC_METHODS,
							MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
			}
			hints.resources().registerType(migration);
			String packagePath = ClassUtils.getPackageName(migration).replace('.', '/');
			hints.resources().registerPattern(packagePath.isEmpty() ? "*.sql" : packagePath + "/*.sql");
		}
	}

}
