package dev.migrate.boot.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.Migration;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanCurrentlyInCreationException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Collects the {@link Migration @Migration} beans of a context, by bean name, and turns
 * the circular reference caused by a migration that depends on the database's users into
 * a {@link MigrationBeanCycleException} that says what to do.
 */
final class MigrationBeans {

	private MigrationBeans() {
	}

	static Map<String, Object> collect(ConfigurableListableBeanFactory beanFactory) {
		Map<String, Object> migrations = new LinkedHashMap<>();
		for (String name : beanFactory.getBeanNamesForAnnotation(Migration.class)) {
			if (beanFactory.isCurrentlyInCreation(name)) {
				// The migration is being created and, through its dependencies, asked for
				// the migrations to run first.
				throw new MigrationBeanCycleException(name, beanFactory.getType(name),
						beansInCreation(beanFactory, name), null);
			}
			try {
				migrations.put(name, beanFactory.getBean(name));
			}
			catch (BeanCreationException ex) {
				if (isCycle(ex)) {
					throw new MigrationBeanCycleException(name, beanFactory.getType(name),
							creationPath(beanFactory, ex, name), ex);
				}
				throw ex;
			}
		}
		return migrations;
	}

	private static boolean isCycle(Throwable ex) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof BeanCurrentlyInCreationException) {
				return true;
			}
			String message = candidate.getMessage();
			if (candidate instanceof BeanCreationException && message != null
					&& message.contains("Circular depends-on relationship")) {
				return true;
			}
		}
		return false;
	}

	private static List<String> creationPath(ConfigurableListableBeanFactory beanFactory, BeanCreationException ex,
			String migration) {
		Set<String> path = new LinkedHashSet<>();
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof BeanCreationException creation && creation.getBeanName() != null
					&& !migration.equals(creation.getBeanName()) && beanFactory.containsBean(creation.getBeanName())
					&& !isMigrateInfrastructure(beanFactory.getType(creation.getBeanName()))) {
				path.add(creation.getBeanName());
			}
		}
		return new ArrayList<>(path);
	}

	private static List<String> beansInCreation(ConfigurableListableBeanFactory beanFactory, String migration) {
		return Arrays.stream(beanFactory.getBeanDefinitionNames())
			.filter((name) -> !name.equals(migration) && beanFactory.isCurrentlyInCreation(name))
			.filter((name) -> !isMigrateInfrastructure(beanFactory.getType(name)))
			.toList();
	}

	private static boolean isMigrateInfrastructure(@Nullable Class<?> type) {
		return type != null && (type.getName().startsWith("dev.migrate.Migrator")
				|| MigrateMigrationInitializer.class.isAssignableFrom(type));
	}

}
