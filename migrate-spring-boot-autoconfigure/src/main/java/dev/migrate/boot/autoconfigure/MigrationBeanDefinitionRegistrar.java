package dev.migrate.boot.autoconfigure;

import java.util.List;

import dev.migrate.Migration;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Registers the application's {@link Migration @Migration} classes when component
 * scanning left all of them out, as test slices such as {@code @JdbcTest} and
 * {@code @DataJpaTest} do: like Flyway's SQL files, the migrations must run there too.
 * Scans the auto-configuration packages only, and only when the context holds no
 * migration at all, so an application's own scanning is never second-guessed.
 */
class MigrationBeanDefinitionRegistrar
		implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, ResourceLoaderAware {

	private @Nullable Environment environment;

	private @Nullable ResourceLoader resourceLoader;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (!(registry instanceof BeanFactory beanFactory) || !AutoConfigurationPackages.has(beanFactory)
				|| hasMigrations(registry)) {
			return;
		}
		List<String> packages = AutoConfigurationPackages.get(beanFactory);
		ClassPathScanningCandidateComponentProvider scanner = (this.environment != null)
				? new ClassPathScanningCandidateComponentProvider(false, this.environment)
				: new ClassPathScanningCandidateComponentProvider(false);
		if (this.resourceLoader != null) {
			scanner.setResourceLoader(this.resourceLoader);
		}
		scanner.addIncludeFilter(new AnnotationTypeFilter(Migration.class));
		for (String basePackage : packages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry);
				if (!registry.containsBeanDefinition(name)) {
					registry.registerBeanDefinition(name, candidate);
				}
			}
		}
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}

	private boolean hasMigrations(BeanDefinitionRegistry registry) {
		for (String name : registry.getBeanDefinitionNames()) {
			BeanDefinition definition = registry.getBeanDefinition(name);
			if (definition instanceof AnnotatedBeanDefinition annotated) {
				MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
				if (factoryMethod == null && annotated.getMetadata().hasAnnotation(Migration.class.getName())) {
					return true;
				}
				if (factoryMethod != null && isMigration(factoryMethod.getReturnTypeName())) {
					return true;
				}
			}
			else if (isMigration(definition.getBeanClassName())) {
				return true;
			}
		}
		return false;
	}

	private boolean isMigration(@Nullable String className) {
		if (className == null) {
			return false;
		}
		try {
			Class<?> type = ClassUtils.forName(className, getClass().getClassLoader());
			return AnnotatedElementUtils.hasAnnotation(type, Migration.class);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
