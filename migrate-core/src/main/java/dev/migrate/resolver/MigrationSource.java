package dev.migrate.resolver;

import java.util.List;
import java.util.function.Supplier;

import dev.migrate.Migration;
import dev.migrate.MigrationDefinitionException;
import dev.migrate.TransactionMode;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * A migration described without its class being loaded: the attributes of its
 * {@link dev.migrate.Migration @Migration} annotation as read from the class file (by
 * Spring's {@code MetadataReader}, say, or an index written at build time), and a
 * supplier of the bean, called only when the migration runs or an operation needs it. An
 * engine built from sources answers the check of an up-to-date database without loading,
 * instantiating or reflecting on the applied migrations.
 * <p>
 * The bean's class is checked when the bean is first supplied, as
 * {@link MigrationResolver} checks every bean it is given.
 *
 * @param beanName the bean name
 * @param className the binary name of the migration class, such as
 * {@code com.example.V1Users}
 * @param version the {@code version} attribute
 * @param description the {@code description} attribute, empty to derive it from the class
 * name
 * @param transaction the {@code transaction} attribute
 * @param checksum the {@code checksum} attribute, empty to fingerprint the class file
 * @param reversible whether the class has a {@code down} method, {@code null} when that
 * cannot be told without loading it (a {@code down} method inherited from a superclass)
 * @param classFiles where to read the class file from, without loading the class
 * @param bean supplies the bean: the instance whose {@code up} and {@code down} run
 * @since 0.1.0
 */
public record MigrationSource(String beanName, String className, String version, String description,
		TransactionMode transaction, String checksum, @Nullable Boolean reversible, ClassFileSource classFiles,
		Supplier<Object> bean) {

	public MigrationSource {
		Assert.hasText(beanName, "'beanName' must not be empty");
		Assert.hasText(className, "'className' must not be empty");
		Assert.notNull(version, "'version' must not be null");
		Assert.notNull(description, "'description' must not be null");
		Assert.notNull(transaction, "'transaction' must not be null");
		Assert.notNull(checksum, "'checksum' must not be null");
		Assert.notNull(classFiles, "'classFiles' must not be null");
		Assert.notNull(bean, "'bean' must not be null");
	}

	/**
	 * A source for a bean that exists already, described from its class's annotation.
	 * @param beanName the bean name
	 * @param bean the migration bean
	 * @return the source
	 * @throws MigrationDefinitionException if the bean's class is not annotated with
	 * {@code @Migration}
	 */
	public static MigrationSource of(String beanName, Object bean) {
		Assert.notNull(bean, "'bean' must not be null");
		Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
		Migration annotation = MigrationResolver.findAnnotation(type);
		if (annotation == null) {
			throw new MigrationDefinitionException(
					List.of("bean '" + beanName + "' (" + type.getName() + ") is not annotated with @Migration."));
		}
		ClassLoader classLoader = (type.getClassLoader() != null) ? type.getClassLoader()
				: ClassLoader.getSystemClassLoader();
		return new MigrationSource(beanName, type.getName(), annotation.version(), annotation.description(),
				annotation.transaction(), annotation.checksum(), null, ClassFileSource.of(classLoader), () -> bean);
	}

	/**
	 * The simple name of the class, without its package or enclosing classes.
	 * @return the simple name
	 */
	String simpleClassName() {
		String name = this.className.substring(this.className.lastIndexOf('.') + 1);
		return name.substring(name.lastIndexOf('$') + 1);
	}

}
