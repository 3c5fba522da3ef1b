package dev.migrate.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * migrate through {@code migrate-spring-boot-starter}: a whole Spring Boot application
 * context starts (auto-configuration, its own HikariCP pool from
 * {@code spring.datasource.*}, the N migrations as beans) and closes. The time is the
 * context's start with everything in it, which is what a deployment waits for; the pool
 * handed in is not used.
 */
final class BootStarter implements Tool {

	@Override
	public String name() {
		return "migrate (Boot starter)";
	}

	@Override
	public Object load(int n, Path workDirectory) throws Exception {
		// Loading the classes is the context's work, as in an application.
		return Workload.migrateClassNames(n);
	}

	@Override
	public void migrate(Database.Target target, DataSource dataSource, Object migrations) throws Exception {
		List<String> classNames = cast(migrations);
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setRegisterShutdownHook(false);
		application.setDefaultProperties(Map.of("spring.datasource.url", target.url(), "spring.datasource.username",
				target.user(), "spring.datasource.password", target.password(), "logging.level.root", "warn",
				"spring.main.lazy-initialization", "false"));
		application.addInitializers((context) -> {
			GenericApplicationContext registry = (GenericApplicationContext) context;
			ClassLoader classLoader = context.getClassLoader();
			for (int i = 0; i < classNames.size(); i++) {
				registry.registerBean("createT" + (i + 1), load(classLoader, classNames.get(i)));
			}
		});
		try (ConfigurableApplicationContext context = application.run()) {
			context.getBean(DataSource.class);
		}
	}

	private static Class<?> load(ClassLoader classLoader, String className) {
		try {
			return Class.forName(className, false, classLoader);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Generated migration " + className + " is missing", ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> cast(Object migrations) {
		return (List<String>) migrations;
	}

	/**
	 * The application: nothing but auto-configuration and the migrations.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class BenchmarkApplication {

	}

}
