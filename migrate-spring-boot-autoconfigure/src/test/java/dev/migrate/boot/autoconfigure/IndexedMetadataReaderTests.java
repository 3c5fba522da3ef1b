package dev.migrate.boot.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.migrate.index.MigrationIndex;
import dev.migrate.testsupport.CompiledClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code migrate.index.enabled=true}, component scanning meets the class files that
 * the index lists through {@link IndexedMetadataReader}s and leaves them out without
 * parsing them, whether they are in a directory or a jar of the class path. Sources are
 * compiled here with migrate's annotation processor, so that the index sits beside its
 * classes as in a build.
 */
class IndexedMetadataReaderTests {

	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final DatabaseState state = new DatabaseState(
			DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(this.url).username("sa").build());

	@TempDir
	Path sources;

	@TempDir
	Path classes;

	@Test
	void scanningLeavesOutTheIndexedClassFilesOfADirectoryWithoutParsingThem() throws IOException {
		compileMigrations();
		try (URLClassLoader classLoader = onlyIndex(this.classes)) {
			assertScannedWithoutParsing(classLoader);
		}
	}

	@Test
	void scanningLeavesOutTheIndexedClassFilesOfAJarWithoutParsingThem() throws IOException {
		compileMigrations();
		Path jar = CompiledClasses.jar(this.classes, this.sources.resolve("app.jar"), "");
		try (URLClassLoader classLoader = onlyIndex(jar)) {
			assertScannedWithoutParsing(classLoader);
		}
	}

	@Test
	void aFilterThatAsksForMoreThanTheClassNameHasTheClassFileParsed() throws IOException {
		compileMigrations();
		try (URLClassLoader classLoader = onlyIndex(this.classes)) {
			MigrationIndex index = MigrationIndex.read(classLoader);
			assertThat(index).isNotNull();
			GenericApplicationContext context = new GenericApplicationContext();
			context.setClassLoader(classLoader);
			assertThat(IndexedMetadataReader.cache(context, index)).isEqualTo(2);
			MetadataReader reader = context.getResourceCache(MetadataReader.class)
				.values()
				.stream()
				.filter((cached) -> cached.getClassMetadata().getClassName().equals("idxboot.CreateCrates"))
				.findFirst()
				.orElseThrow();

			// Which annotations are present the index tells, as the class file would.
			AnnotationMetadata metadata = reader.getAnnotationMetadata();
			assertThat(metadata.hasAnnotation("dev.migrate.Migration")).isTrue();
			assertThat(metadata.isAnnotated("org.springframework.stereotype.Component")).isTrue();
			assertThat(metadata.hasMetaAnnotation("org.springframework.stereotype.Component")).isTrue();
			assertThat(metadata.isAnnotated("org.springframework.context.annotation.Configuration")).isFalse();
			assertThat(metadata.getClassName()).isEqualTo("idxboot.CreateCrates");
			assertThat(((IndexedMetadataReader) reader).isParsed()).isFalse();
			// The rest the class file does.
			assertThat(metadata.getAnnotations().get("dev.migrate.Migration").getString("version")).isEqualTo("1");
			assertThat(reader.getClassMetadata().isConcrete()).isTrue();
			assertThat(((IndexedMetadataReader) reader).isParsed()).isTrue();
		}
	}

	@Test
	void anAnnotationTheApplicationCannotLoadHasTheClassFileAnswer() throws IOException {
		// Compiled against an annotation that is not on the class path at run time (a
		// compile-only dependency): Spring's metadata leaves it out, which the index
		// cannot tell, so the class file answers for that class.
		CompiledClasses.compile(this.sources, this.classes, true, """
				package idxboot;

				import java.lang.annotation.*;

				public class CompileOnly {

					@Retention(RetentionPolicy.RUNTIME)
					public @interface Audited {
					}

				}
				""", """
				package idxboot;

				import dev.migrate.Migration;
				import org.springframework.jdbc.core.JdbcTemplate;

				@CompileOnly.Audited
				@Migration(version = "1")
				public class CreateAudits {

					public void up(JdbcTemplate jdbc) {
						jdbc.execute("CREATE TABLE audits (id INT)");
					}

				}
				""", """
				package idxboot;

				import dev.migrate.Migration;
				import org.springframework.jdbc.core.JdbcTemplate;

				@Migration(version = "2")
				public class CreateCrates {

					public void up(JdbcTemplate jdbc) {
						jdbc.execute("CREATE TABLE crates (id INT)");
					}

				}
				""");
		Files.delete(this.classes.resolve("idxboot/CompileOnly$Audited.class"));
		try (URLClassLoader classLoader = onlyIndex(this.classes)) {
			MigrationIndex index = MigrationIndex.read(classLoader);
			assertThat(index).isNotNull();
			GenericApplicationContext context = new GenericApplicationContext();
			context.setClassLoader(classLoader);
			IndexedMetadataReader.cache(context, index);
			Map<String, IndexedMetadataReader> readers = context.getResourceCache(MetadataReader.class)
				.values()
				.stream()
				.map(IndexedMetadataReader.class::cast)
				.collect(Collectors.toMap((reader) -> reader.getClassMetadata().getClassName(), (reader) -> reader));

			assertThat(readers.get("idxboot.CreateAudits")
				.getAnnotationMetadata()
				.isAnnotated("idxboot.CompileOnly$Audited")).isFalse();
			assertThat(readers.get("idxboot.CreateAudits").isParsed()).isTrue();
			assertThat(readers.get("idxboot.CreateCrates").getAnnotationMetadata().isAnnotated("dev.migrate.Migration"))
				.isTrue();
			assertThat(readers.get("idxboot.CreateCrates").isParsed()).isFalse();
		}
	}

	private void assertScannedWithoutParsing(ClassLoader classLoader) {
		CachedReaders readers = new CachedReaders();
		try (ConfigurableApplicationContext context = start(classLoader, readers)) {
			// Scanning met both and left them to the engine.
			assertThat(MigrationIndexExcludeFilter.of(context.getBeanFactory())).isNotNull()
				.satisfies((index) -> assertThat(index.entries()).extracting(MigrationIndex.Entry::className)
					.containsExactlyInAnyOrder("idxboot.CreateCrates", "idxboot.AddCrateLabel"));
		}
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
		// One reader per class file, scanning having met each under the key it was cached
		// under (else it would have cached one of its own), none of them parsed.
		assertThat(readers.classFiles).hasSize(2)
			.allSatisfy((resource, reader) -> assertThat(reader).isInstanceOfSatisfying(IndexedMetadataReader.class,
					(indexed) -> assertThat(indexed.isParsed()).isFalse()));
		assertThat(readers.classFiles.keySet()).extracting(Resource::getFilename)
			.containsExactlyInAnyOrder("CreateCrates.class", "AddCrateLabel.class");
	}

	private ConfigurableApplicationContext start(ClassLoader classLoader, CachedReaders... readers) {
		SpringApplication application = new SpringApplication(new DefaultResourceLoader(classLoader),
				ScanningApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		for (CachedReaders reader : readers) {
			application.addInitializers(reader);
		}
		return application.run("--spring.datasource.url=" + this.url, "--spring.datasource.username=sa",
				"--migrate.index.enabled=true");
	}

	private void compileMigrations() throws IOException {
		CompiledClasses.compile(this.sources, this.classes, true, """
				package idxboot;

				import dev.migrate.Migration;
				import org.springframework.jdbc.core.JdbcTemplate;

				@Migration(version = "1")
				public class CreateCrates {

					public void up(JdbcTemplate jdbc) {
						jdbc.execute("CREATE TABLE crates (id INT)");
					}

					public void down(JdbcTemplate jdbc) {
						jdbc.execute("DROP TABLE crates");
					}

				}
				""", """
				package idxboot;

				import dev.migrate.Migration;
				import org.springframework.jdbc.core.JdbcTemplate;

				@Migration(version = "2")
				public class AddCrateLabel {

					public void up(JdbcTemplate jdbc) {
						jdbc.execute("ALTER TABLE crates ADD COLUMN label VARCHAR(20)");
					}

					public void down(JdbcTemplate jdbc) {
						jdbc.execute("ALTER TABLE crates DROP COLUMN label");
					}

				}
				""");
	}

	/**
	 * A class loader with the compiled classes and their index, and no other index.
	 */
	private static URLClassLoader onlyIndex(Path classPathEntry) throws IOException {
		return new URLClassLoader(new URL[] { classPathEntry.toUri().toURL() },
				IndexedMetadataReaderTests.class.getClassLoader()) {

			@Override
			public Enumeration<URL> getResources(String name) throws IOException {
				return name.equals(MigrationIndex.LOCATION) ? findResources(name) : super.getResources(name);
			}

			@Override
			public URL getResource(String name) {
				return name.equals(MigrationIndex.LOCATION) ? findResource(name) : super.getResource(name);
			}

		};
	}

	/**
	 * The context's cached metadata readers of the compiled class files, as component
	 * scanning left them (the context clears its cache when refreshed).
	 */
	static final class CachedReaders implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		Map<Resource, MetadataReader> classFiles = Map.of();

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.addBeanFactoryPostProcessor((beanFactory) -> this.classFiles = Map
				.copyOf(((DefaultResourceLoader) context).getResourceCache(MetadataReader.class)
					.entrySet()
					.stream()
					.filter((entry) -> String.valueOf(entry.getKey().getFilename()).endsWith(".class")
							&& entry.getKey().toString().contains("idxboot"))
					.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class })
	// Both filters of @SpringBootApplication: the second asks every class file met for
	// its annotations, before the first is consulted.
	@ComponentScan(basePackages = "idxboot",
			excludeFilters = { @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
					@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class) })
	static class ScanningApplication {

	}

}
