package dev.migrate.boot.autoconfigure;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.core.Ordered;

/**
 * Makes the bean definitions of scanned {@link dev.migrate.Migration @Migration} classes
 * lazy, unless they say otherwise ({@code @Lazy(false)}): the engine creates a
 * migration's bean when it runs, so a start with nothing pending neither loads nor
 * instantiates the applied migrations. A migration that other beans inject is still
 * created for them.
 */
class MigrationBeansLazyInitialization implements BeanFactoryPostProcessor, Ordered {

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			if (definition instanceof AbstractBeanDefinition candidate && candidate.getLazyInit() == null
					&& !candidate.isAbstract() && MigrationBeans.declared(definition) != null) {
				candidate.setLazyInit(true);
			}
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
