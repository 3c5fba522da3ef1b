package dev.migrate.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.migrate.Migration;
import dev.migrate.index.MigrationIndex;

import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * The migrations of an application context, by bean name: its {@link Migration
 * &#64;Migration} beans and, when the Spring Boot starter takes migrations from the
 * build-time index ({@code migrate.index.enabled=true}), the indexed ones that component
 * scanning left out, created by the context's bean factory with their dependencies. The
 * starter supplies the index of those as a {@code Supplier<MigrationIndex>} singleton.
 */
final class ContextMigrations {

	private ContextMigrations() {
	}

	static Map<String, Object> of(ApplicationContext context) {
		Map<String, Object> migrations = new LinkedHashMap<>(context.getBeansWithAnnotation(Migration.class));
		ClassLoader classLoader = (context.getClassLoader() != null) ? context.getClassLoader()
				: ContextMigrations.class.getClassLoader();
		context
			.<Supplier<MigrationIndex>>getBeanProvider(
					ResolvableType.forClassWithGenerics(Supplier.class, MigrationIndex.class))
			.orderedStream()
			.forEach((index) -> {
				Set<String> classes = migrations.values()
					.stream()
					.map((bean) -> ClassUtils.getUserClass(bean).getName())
					.collect(Collectors.toSet());
				for (MigrationIndex.Entry entry : index.get().entries()) {
					if (!classes.contains(entry.className())) {
						String name = migrations.containsKey(entry.beanName()) ? entry.className() : entry.beanName();
						migrations.put(name, context.getAutowireCapableBeanFactory()
							.createBean(ClassUtils.resolveClassName(entry.className(), classLoader)));
					}
				}
			});
		return migrations;
	}

}
