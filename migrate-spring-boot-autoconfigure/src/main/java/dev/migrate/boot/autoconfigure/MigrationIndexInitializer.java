package dev.migrate.boot.autoconfigure;

import java.util.Map;

import dev.migrate.index.MigrationIndex;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.AotDetector;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.type.classreading.MetadataReader;
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
 * <p>
 * A {@code SpringApplication} does this without it: migrate's run listener reads the
 * index on a background thread while the application prepares its logging and its
 * context. Register this initializer with a context that no {@code SpringApplication}
 * starts.
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
		ClassLoader classLoader = classLoader(context);
		if (classLoader != null) {
			register(context, prepare(classLoader));
		}
	}

	static @Nullable ClassLoader classLoader(ConfigurableApplicationContext context) {
		return (context.getClassLoader() != null) ? context.getClassLoader() : ClassUtils.getDefaultClassLoader();
	}

	/**
	 * Read the index of migrations that a class loader finds (saying so if it finds
	 * none), and make the readers that component scanning is to meet its class files
	 * through. Needs no application context: resources resolve alike through any resource
	 * loader of the same class loader.
	 * @param classLoader the application's class loader
	 * @return the index and the readers, or {@code null} if there is no usable index
	 */
	static @Nullable Prepared prepare(ClassLoader classLoader) {
		if (classLoader.getResource(MigrationIndex.LOCATION) == null) {
			logger.info("migrate.index.enabled is set, but the class path has no " + MigrationIndex.LOCATION
					+ ": the migrations are registered by component scanning. Compile them with migrate-core's"
					+ " annotation processor to write the index.");
			return null;
		}
		MigrationIndex index = MigrationIndex.read(classLoader);
		return (index != null)
				? new Prepared(index, IndexedMetadataReader.readers(new DefaultResourceLoader(classLoader), index))
				: null;
	}

	/**
	 * Leave the listed migrations out of the context's component scanning, unless that is
	 * done already, and have scanning meet their class files through the prepared
	 * readers.
	 * @param context the application context, before it is refreshed
	 * @param prepared the index and its readers, or {@code null} if there is no index
	 */
	static void register(ConfigurableApplicationContext context, @Nullable Prepared prepared) {
		if (prepared == null || context.getBeanFactory().containsSingleton(MigrationIndexExcludeFilter.BEAN_NAME)) {
			return;
		}
		MigrationIndex index = prepared.index();
		context.getBeanFactory()
			.registerSingleton(MigrationIndexExcludeFilter.BEAN_NAME, new MigrationIndexExcludeFilter(index));
		if (context instanceof DefaultResourceLoader resourceLoader) {
			int cached = IndexedMetadataReader.cache(resourceLoader, prepared.readers());
			if (logger.isDebugEnabled()) {
				logger.debug("Cached the metadata of " + index.entries().size() + " migrations listed in "
						+ MigrationIndex.LOCATION + " under " + cached + " class path locations, for component"
						+ " scanning to meet their class files without parsing them");
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

	/**
	 * An index and the readers that component scanning is to meet its class files
	 * through.
	 *
	 * @param index the index
	 * @param readers the readers by the resource of their class file
	 */
	record Prepared(MigrationIndex index, Map<Resource, MetadataReader> readers) {

	}

}
