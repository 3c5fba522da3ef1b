package dev.migrate.benchmarks;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrate.index.MigrationIndex;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole Spring Boot application in a JVM of its own, started from {@code main} until
 * {@link ApplicationReadyEvent}, when it prints {@code READY} and exits: the parent
 * measures from launching the JVM to reading that line. The application connects to the
 * database in an {@link ApplicationRunner} (as an application using it would), with one
 * of four set-ups:
 * <ul>
 * <li>{@code none}: no migration tool (migrate's and Flyway's auto-configurations
 * excluded);</li>
 * <li>{@code beans}: no migration tool, the same N classes as lazy bean definitions: what
 * N bean definitions cost Spring itself;</li>
 * <li>{@code migrate}: migrate's starter with the first N generated {@code @Migration}
 * classes as bean definitions of the kind component scanning registers (read with ASM,
 * the classes not loaded);</li>
 * <li>{@code migrate-index}: migrate's starter with {@code migrate.index.enabled=true}
 * and the build-time index of the first N classes: the class files read and passed to the
 * exclude filters as component scanning does, none registered, as the starter's filter
 * leaves them out;</li>
 * <li>{@code flyway}: Spring Boot's Flyway support with N SQL files.</li>
 * </ul>
 * Arguments: setup n url user password sqlDirectory indexFile.
 */
public final class BootApplicationRun {

	static final String MIGRATE_AUTO_CONFIGURATION = "dev.migrate.boot.autoconfigure.MigrateAutoConfiguration";

	static final String FLYWAY_AUTO_CONFIGURATION = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";

	private BootApplicationRun() {
	}

	public static void main(String[] args) {
		String setup = args[0];
		int n = Integer.parseInt(args[1]);
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", args[2]);
		properties.put("spring.datasource.username", args[3]);
		properties.put("spring.datasource.password", args[4]);
		properties.put("logging.level.root", "warn");
		properties.put("spring.main.lazy-initialization", "false");
		switch (setup) {
			case "none", "beans", "scanned" -> properties.put("spring.autoconfigure.exclude",
					MIGRATE_AUTO_CONFIGURATION + "," + FLYWAY_AUTO_CONFIGURATION);
			case "migrate" -> properties.put("spring.autoconfigure.exclude", FLYWAY_AUTO_CONFIGURATION);
			case "migrate-index" -> {
				properties.put("spring.autoconfigure.exclude", FLYWAY_AUTO_CONFIGURATION);
				properties.put("migrate.index.enabled", "true");
			}
			case "flyway" -> {
				properties.put("spring.autoconfigure.exclude", MIGRATE_AUTO_CONFIGURATION);
				properties.put("spring.flyway.locations", "filesystem:" + Path.of(args[5]).toAbsolutePath());
			}
			default -> throw new IllegalArgumentException("Unknown set-up '" + setup + "'");
		}
		SpringApplication application = setup.equals("migrate-index")
				? new SpringApplication(new DefaultResourceLoader(new IndexClassLoader(Path.of(args[6]))),
						Application.class)
				: new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setDefaultProperties(properties);
		if (setup.equals("scanned") || setup.equals("migrate-index")) {
			application.addInitializers((context) -> read(context.getBeanFactory(),
					new CachingMetadataReaderFactory(context.getClassLoader()), Workload.migrateClassNames(n)));
		}
		if (setup.equals("migrate") || setup.equals("beans")) {
			// With migrate the definitions are made lazy by its starter; without it, as
			// lazy as migrate makes them, so that only the cost of having them differs.
			boolean lazy = setup.equals("beans");
			application.addInitializers((context) -> register((BeanDefinitionRegistry) context,
					new CachingMetadataReaderFactory(context.getClassLoader()), Workload.migrateClassNames(n), lazy));
		}
		application.addListeners((event) -> {
			if (event instanceof ApplicationReadyEvent) {
				System.out.println("READY");
				System.out.flush();
				System.exit(0);
			}
		});
		application.run();
	}

	/**
	 * What component scanning does with classes it does not register: reads them and asks
	 * the exclude filters of {@code @SpringBootApplication} (migrate's, with the index).
	 */
	private static void read(BeanFactory beanFactory, MetadataReaderFactory readers, List<String> classNames) {
		TypeExcludeFilter excludeFilter = new TypeExcludeFilter();
		excludeFilter.setBeanFactory(beanFactory);
		try {
			for (String className : classNames) {
				MetadataReader reader = readers.getMetadataReader(className);
				reader.getAnnotationMetadata();
				excludeFilter.match(reader, readers);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The bean definitions component scanning would register for these classes. */
	private static void register(BeanDefinitionRegistry registry, MetadataReaderFactory readers,
			List<String> classNames, boolean lazy) {
		try {
			for (String className : classNames) {
				ScannedGenericBeanDefinition definition = new ScannedGenericBeanDefinition(
						readers.getMetadataReader(className));
				definition.setLazyInit(lazy);
				registry.registerBeanDefinition(
						AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry), definition);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The application's class loader, with one index of migrations on its class path.
	 */
	static final class IndexClassLoader extends ClassLoader {

		private final URL index;

		IndexClassLoader(Path index) {
			super(BootApplicationRun.class.getClassLoader());
			try {
				this.index = index.toUri().toURL();
			}
			catch (MalformedURLException ex) {
				throw new IllegalArgumentException(ex);
			}
		}

		@Override
		public @Nullable URL getResource(String name) {
			return name.equals(MigrationIndex.LOCATION) ? this.index : super.getResource(name);
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			return name.equals(MigrationIndex.LOCATION) ? Collections.enumeration(List.of(this.index))
					: super.getResources(name);
		}

	}

	/**
	 * The application: auto-configuration and a runner that uses the database.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		ApplicationRunner useTheDatabase(DataSource dataSource) {
			return (arguments) -> new JdbcTemplate(dataSource).queryForObject("SELECT 1", Integer.class);
		}

	}

}
