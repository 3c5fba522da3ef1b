package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.migrate.benchmarks.jpa.JpaWebApplication;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole Spring Boot application in a JVM of its own, started from {@code main} until
 * {@link ApplicationReadyEvent}, when it prints {@code READY} and exits: the parent
 * measures from launching the JVM to reading that line. The application connects to the
 * database in an {@code ApplicationRunner} of its own (as an application using it would),
 * with one of these set-ups:
 * <ul>
 * <li>{@code none}: no migration tool (migrate's and Flyway's auto-configurations
 * excluded);</li>
 * <li>{@code beans}: no migration tool, the same N classes as lazy bean definitions: what
 * N bean definitions cost Spring itself;</li>
 * <li>{@code scanned}: no migration tool, the first N generated {@code @Migration}
 * classes met by component scanning and not registered: what scanning them costs;</li>
 * <li>{@code scanned-index}: as {@code scanned}, with {@code migrate.index.enabled=true}
 * and migrate's auto-configurations excluded: scanning meets the classes through the
 * index's readers, and nothing checks the database: what the index saves of scanning's
 * cost, and what it costs to prepare;</li>
 * <li>{@code history-read}: as {@code scanned-index}, and a bean that reads the N rows of
 * migrate's history table over plain JDBC while the context refreshes, as a migration
 * tool must before the beans that use the database: the least a check at start can cost,
 * with no tool's code;</li>
 * <li>{@code migrate}: migrate's starter with the first N generated {@code @Migration}
 * classes registered by component scanning;</li>
 * <li>{@code migrate-index}: migrate's starter with {@code migrate.index.enabled=true}
 * and the build-time index in this module's jar (of all the generated classes): component
 * scanning meets the first N and the starter's filter leaves them out;</li>
 * <li>{@code flyway}: Spring Boot's Flyway support with N SQL files.</li>
 * </ul>
 * Every set-up component-scans as {@code @SpringBootApplication} does
 * ({@link FirstClassesScan}) the package of the generated classes, where it finds the
 * first N in the set-ups with migration classes ({@code scanned}, {@code migrate},
 * {@code migrate-index}) and none in the others: an application scans its own package
 * whether or not its migrations are there.
 * <p>
 * The application is either the smallest one ({@code plain}: auto-configuration, the
 * pool, the runner) or a typical one ({@code jpa-web}: {@link JpaWebApplication}, with
 * JPA and a web server, started from the class path with {@code target/lib-jpa}).
 * <p>
 * Arguments: setup n url user password sqlDirectory [plain|jpa-web].
 */
public final class BootApplicationRun {

	static final String MIGRATE_AUTO_CONFIGURATION = "dev.migrate.boot.autoconfigure.MigrateAutoConfiguration";

	static final String APPLICATION_PACKAGE = "dev.migrate.benchmarks.application";

	static final String FLYWAY_AUTO_CONFIGURATION = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";

	private BootApplicationRun() {
	}

	public static void main(String[] args) {
		// history-read is scanned-index with a bean of its own.
		boolean readsHistory = args[0].equals("history-read");
		String setup = readsHistory ? "scanned-index" : args[0];
		int n = Integer.parseInt(args[1]);
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", args[2]);
		properties.put("spring.datasource.username", args[3]);
		properties.put("spring.datasource.password", args[4]);
		properties.put("logging.level.root", "warn");
		properties.put("spring.main.lazy-initialization", "false");
		if (setup.endsWith("-index")) {
			properties.put("migrate.index.enabled", "true");
		}
		switch (setup) {
			case "none", "beans", "scanned", "scanned-index" -> properties.put("spring.autoconfigure.exclude",
					MIGRATE_AUTO_CONFIGURATION + "," + FLYWAY_AUTO_CONFIGURATION);
			case "migrate", "migrate-index" ->
				properties.put("spring.autoconfigure.exclude", FLYWAY_AUTO_CONFIGURATION);
			case "flyway" -> {
				properties.put("spring.autoconfigure.exclude", MIGRATE_AUTO_CONFIGURATION);
				properties.put("spring.flyway.locations", "filesystem:" + Path.of(args[5]).toAbsolutePath());
			}
			default -> throw new IllegalArgumentException("Unknown set-up '" + setup + "'");
		}
		boolean jpaWeb = args.length > 6 && args[6].equals("jpa-web");
		SpringApplication application;
		if (jpaWeb) {
			application = new SpringApplication(JpaWebApplication.class);
			properties.put("server.port", "0");
			properties.put("spring.jpa.open-in-view", "false");
		}
		else {
			application = new SpringApplication(Application.class);
			application.setWebApplicationType(WebApplicationType.NONE);
		}
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setDefaultProperties(properties);
		// Every set-up scans the application's package, as @SpringBootApplication does;
		// only those with migration classes find them there. Registered with migrate;
		// else met and not registered (with the index, its filter leaves them out).
		boolean withMigrationClasses = setup.startsWith("scanned") || setup.equals("migrate")
				|| setup.equals("migrate-index");
		List<String> scanned = withMigrationClasses ? Workload.migrateClassNames(n) : List.of();
		boolean register = setup.equals("migrate");
		application.addInitializers(
				(context) -> context.addBeanFactoryPostProcessor(new FirstClassesScan(context, scanned, register)));
		if (setup.equals("beans")) {
			// As lazy as migrate makes its migrations' definitions, so that only the cost
			// of having them differs.
			application.addInitializers((context) -> register((BeanDefinitionRegistry) context,
					new CachingMetadataReaderFactory(context.getClassLoader()), Workload.migrateClassNames(n)));
		}
		if (readsHistory) {
			application.addInitializers((context) -> ((GenericApplicationContext) context)
				.registerBean(HistoryRead.class, () -> new HistoryRead(context.getBeanProvider(DataSource.class), n)));
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
	 * Reads the history's rows when it is created, among the other singletons, with the
	 * columns migrate's check reads, each row into an object.
	 */
	static final class HistoryRead implements InitializingBean {

		private final ObjectProvider<DataSource> dataSource;

		private final int expected;

		HistoryRead(ObjectProvider<DataSource> dataSource, int expected) {
			this.dataSource = dataSource;
			this.expected = expected;
		}

		@Override
		public void afterPropertiesSet() {
			List<Row> rows = new JdbcTemplate(this.dataSource.getObject()).query(
					"SELECT installed_rank, version, type, status, checksum, format_version, class_hash"
							+ " FROM migrate_history ORDER BY installed_rank",
					(rs, rowNum) -> new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getInt(6), rs.getString(7)));
			if (rows.size() != this.expected) {
				throw new IllegalStateException(
						"Expected " + this.expected + " history rows, read " + rows.size() + ": apply them first");
			}
		}

		record Row(int installedRank, String version, String type, String status, String checksum, int formatVersion,
				@Nullable String classHash) {
		}

	}

	/** The bean definitions component scanning would register for these classes, lazy. */
	private static void register(BeanDefinitionRegistry registry, MetadataReaderFactory readers,
			List<String> classNames) {
		try {
			for (String className : classNames) {
				ScannedGenericBeanDefinition definition = new ScannedGenericBeanDefinition(
						readers.getMetadataReader(className));
				definition.setLazyInit(true);
				registry.registerBeanDefinition(
						AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry), definition);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Component scanning as {@code @SpringBootApplication} has it (a scanner reading
	 * through the context's cache of metadata readers, with {@code TypeExcludeFilter} and
	 * {@code AutoConfigurationExcludeFilter}), when it has it (in a registry
	 * post-processor, before the configuration classes are parsed), of the generated
	 * package, in which it finds only the first N classes.
	 */
	private static final class FirstClassesScan implements BeanDefinitionRegistryPostProcessor {

		private final ConfigurableApplicationContext context;

		private final Set<String> fileNames;

		private final boolean register;

		FirstClassesScan(ConfigurableApplicationContext context, List<String> classNames, boolean register) {
			this.context = context;
			this.fileNames = classNames.stream()
				.map((name) -> name.substring(name.lastIndexOf('.') + 1) + ".class")
				.collect(Collectors.toSet());
			this.register = register;
		}

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(registry, true,
					this.context.getEnvironment(), new FirstClasses(this.context, this.fileNames));
			// As @ComponentScan's scanner has it: the context's cache.
			scanner.setMetadataReaderFactory(new CachingMetadataReaderFactory(this.context));
			TypeExcludeFilter excludeFilter = new TypeExcludeFilter();
			excludeFilter.setBeanFactory(this.context.getBeanFactory());
			scanner.addExcludeFilter(excludeFilter);
			// Added last, asked first, as @SpringBootApplication's: it asks every class
			// file met for its annotations.
			AutoConfigurationExcludeFilter autoConfigurationFilter = new AutoConfigurationExcludeFilter();
			autoConfigurationFilter.setBeanClassLoader(this.context.getClassLoader());
			scanner.addExcludeFilter(autoConfigurationFilter);
			// The application's package, then the migrations' where the set-up has them.
			scanner.scan(APPLICATION_PACKAGE);
			if (!this.fileNames.isEmpty()) {
				String migrations = Workload.MIGRATE_PACKAGE.substring(0, Workload.MIGRATE_PACKAGE.length() - 1);
				if (this.register) {
					scanner.scan(migrations);
				}
				else {
					scanner.findCandidateComponents(migrations);
				}
			}
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		}

	}

	/**
	 * The class path as scanning resolves it, where a pattern finds only the named class
	 * files.
	 */
	private record FirstClasses(ResourcePatternResolver resolver,
			Set<String> fileNames) implements ResourcePatternResolver {

		@Override
		public Resource[] getResources(String locationPattern) throws IOException {
			Resource[] resources = this.resolver.getResources(locationPattern);
			if (!locationPattern.contains(Workload.MIGRATE_PACKAGE.replace('.', '/'))) {
				return resources;
			}
			return Arrays.stream(resources)
				.filter((resource) -> this.fileNames.contains(resource.getFilename()))
				.toArray(Resource[]::new);
		}

		@Override
		public Resource getResource(String location) {
			return this.resolver.getResource(location);
		}

		@Override
		public @Nullable ClassLoader getClassLoader() {
			return this.resolver.getClassLoader();
		}

	}

	/**
	 * The application: auto-configuration, and its own component found by scanning
	 * ({@code DatabaseUser}, which uses the database once the application has started).
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
