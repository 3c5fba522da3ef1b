package dev.migrate.boot.autoconfigure;

import dev.migrate.index.MigrationIndex;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Explains a start that failed because a bean asked for a migration that
 * {@code migrate.index.enabled} took from the build-time index instead of registering it
 * as a bean, where Spring's own report would only say that no such bean exists.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class IndexedMigrationInjectionFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> {

	private final @Nullable ClassLoader classLoader;

	private final @Nullable Environment environment;

	// The context's beans are destroyed by the time a failure is analyzed: the index is
	// read again, with the context's class loader.
	IndexedMigrationInjectionFailureAnalyzer(@Nullable BeanFactory beanFactory, @Nullable Environment environment) {
		this.classLoader = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : null;
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		Class<?> type = (cause.getResolvableType() != null) ? cause.getResolvableType().resolve() : null;
		if (type == null || this.classLoader == null || this.environment == null
				|| !MigrationIndexInitializer.usesIndex(this.environment)) {
			return null;
		}
		MigrationIndex index = MigrationIndex.read(this.classLoader);
		if (index == null || !isListed(index, type.getName())) {
			return null;
		}
		return new FailureAnalysis("A bean asked for migration " + type.getName()
				+ ", which is not a bean: with migrate.index.enabled=true the migrations the build-time index lists"
				+ " are taken from it and created only when they run, so that a start does not pay a bean"
				+ " definition for each applied migration.",
				"Do not inject migrations into other beans (move what they share into a bean of its own), or set"
						+ " migrate.index.enabled=false so that every migration is a bean again.",
				cause);
	}

	private static boolean isListed(MigrationIndex index, String className) {
		return index.entries().stream().anyMatch((entry) -> entry.className().equals(className));
	}

}
