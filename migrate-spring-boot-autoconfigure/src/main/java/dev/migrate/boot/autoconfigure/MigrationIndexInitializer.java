package dev.migrate.boot.autoconfigure;

import dev.migrate.index.MigrationIndex;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aot.AotDetector;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * With {@code migrate.index.enabled=true}, reads the build-time index of migrations
 * before the application's configuration is parsed and registers a
 * {@link MigrationIndexExcludeFilter}, so that component scanning (through
 * {@code @SpringBootApplication}'s {@code TypeExcludeFilter}) leaves the listed
 * migrations to the engine; scanning meets the listed class files through
 * {@link IndexedMetadataReader}s, without parsing them. Does nothing for ahead-of-time
 * processing, whose generated bean definitions keep every migration a bean, nor without
 * an index, which it says.
 *
 * @since 0.2.0
 */
public class MigrationIndexInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Log logger = LogFactory.getLog(MigrationIndexInitializer.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (!usesIndex(context.getEnvironment())) {
			return;
		}
		ClassLoader classLoader = (context.getClassLoader() != null) ? context.getClassLoader()
				: ClassUtils.getDefaultClassLoader();
		if (classLoader == null) {
			return;
		}
		if (classLoader.getResource(MigrationIndex.LOCATION) == null) {
			logger.info("migrate.index.enabled is set, but the class path has no " + MigrationIndex.LOCATION
					+ ": the migrations are registered by component scanning. Compile them with migrate-core's"
					+ " annotation processor to write the index.");
			return;
		}
		MigrationIndex index = MigrationIndex.read(classLoader);
		if (index != null && !context.getBeanFactory().containsSingleton(MigrationIndexExcludeFilter.BEAN_NAME)) {
			context.getBeanFactory()
				.registerSingleton(MigrationIndexExcludeFilter.BEAN_NAME, new MigrationIndexExcludeFilter(index));
			if (context instanceof DefaultResourceLoader resourceLoader) {
				// Scanning meets the listed class files without parsing them.
				int cached = IndexedMetadataReader.cache(resourceLoader, index);
				if (logger.isDebugEnabled()) {
					logger.debug("Cached the metadata of " + index.entries().size() + " migrations listed in "
							+ MigrationIndex.LOCATION + " under " + cached + " class path locations, for component"
							+ " scanning to meet their class files without parsing them");
				}
			}
		}
	}

	/**
	 * Whether an application with this environment takes its migrations from the index:
	 * migrate and {@code migrate.index.enabled} on, and no ahead-of-time processing.
	 */
	static boolean usesIndex(Environment environment) {
		Binder binder = Binder.get(environment);
		return binder.bind("migrate.enabled", Boolean.class).orElse(true)
				&& binder.bind("migrate.index.enabled", Boolean.class).orElse(false)
				&& !AotDetector.useGeneratedArtifacts() && !Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING);
	}

}
