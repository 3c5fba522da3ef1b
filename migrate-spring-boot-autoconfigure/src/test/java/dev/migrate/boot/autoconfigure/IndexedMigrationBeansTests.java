package dev.migrate.boot.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.migrate.MigrationDefinitionException;
import dev.migrate.MigrationInfo;
import dev.migrate.Migrator;
import dev.migrate.boot.autoconfigure.indexed.AddCrateLabel;
import dev.migrate.boot.autoconfigure.indexed.AddCrateWeight;
import dev.migrate.boot.autoconfigure.indexed.CreateCrates;
import dev.migrate.boot.autoconfigure.indexeddatabases.CreateOrderLines;
import dev.migrate.boot.autoconfigure.indexedproxied.FillCrates;
import dev.migrate.boot.autoconfigure.scanned.CreateShelves;
import dev.migrate.index.MigrationIndex;
import dev.migrate.testsupport.IndexClassLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * With {@code migrate.index.enabled=true}, the migrations the build-time index lists are
 * left out of component scanning and taken from the index: a start with nothing pending
 * registers and creates none of them, a pending one is created as a bean when it runs,
 * and a missing or stale index falls back to component scanning and says so. Each start
 * is a whole {@link SpringApplication}, so that the initializer of
 * {@code spring.factories} and {@code @SpringBootApplication}'s exclude filter run as in
 * an application.
 */
@ExtendWith(OutputCaptureExtension.class)
class IndexedMigrationBeansTests {

	private static final String CREATE_CRATES = CreateCrates.class.getName() + "\t1\tCreate crates\tDEFAULT\t\t\tYES\t";

	private static final String ADD_CRATE_LABEL = AddCrateLabel.class.getName()
			+ "\t2\tAdd a label to crates\tDEFAULT\t\t\tYES\t";

	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final DatabaseState state = new DatabaseState(
			DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(this.url).username("sa").build());

	@TempDir
	Path directory;

	@BeforeEach
	void resetCounters() {
		CreateCrates.instances.set(0);
		AddCrateLabel.instances.set(0);
	}

	@Test
	void aStartWithNothingPendingRegistersAndCreatesNoIndexedMigration() throws IOException {
		ClassLoader classLoader = indexListing(CREATE_CRATES, ADD_CRATE_LABEL);
		start(classLoader).close();
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
		resetCounters();

		try (ConfigurableApplicationContext context = start(classLoader)) {
			assertThat(context.getBean(Migrator.class).info().migrations()).extracting(MigrationInfo::state)
				.map(Enum::name)
				.containsExactly("APPLIED", "APPLIED");
			assertThat(context.getBeanNamesForType(CreateCrates.class)).isEmpty();
			assertThat(context.getBeanNamesForType(AddCrateLabel.class)).isEmpty();
			// What migrate-test's verifiers take the migrations that are not beans from.
			assertThat(context
				.<Supplier<MigrationIndex>>getBeanProvider(
						ResolvableType.forClassWithGenerics(Supplier.class, MigrationIndex.class))
				.orderedStream()
				.toList()).singleElement()
				.satisfies((index) -> assertThat(index.get().entries()).extracting(MigrationIndex.Entry::className)
					.containsExactly(CreateCrates.class.getName(), AddCrateLabel.class.getName()));
		}
		assertThat(CreateCrates.instances.get()).isZero();
		assertThat(AddCrateLabel.instances.get()).isZero();
	}

	@Test
	void aPendingMigrationIsCreatedAsABeanWithItsDependenciesWhenItRuns() throws IOException {
		ClassLoader classLoader = indexListing(CREATE_CRATES, ADD_CRATE_LABEL);
		start(classLoader, "migrate.target=1").close();
		assertThat(CreateCrates.instances.get()).isOne();
		assertThat(AddCrateLabel.instances.get()).isZero();
		resetCounters();

		try (ConfigurableApplicationContext context = start(classLoader)) {
			assertThat(context.getBeanNamesForType(AddCrateLabel.class)).containsExactly("addCrateLabel");
			assertThat(context.getBeanNamesForType(CreateCrates.class)).isEmpty();
		}
		assertThat(CreateCrates.instances.get()).isZero();
		assertThat(AddCrateLabel.instances.get()).isOne();
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
		assertThat(this.state.hasColumn("crates", "label")).isTrue();
	}

	@Test
	void aRollbackCreatesTheIndexedMigrationItUndoes() throws IOException {
		ClassLoader classLoader = indexListing(CREATE_CRATES, ADD_CRATE_LABEL);
		start(classLoader).close();
		resetCounters();

		try (ConfigurableApplicationContext context = start(classLoader)) {
			context.getBean(Migrator.class).rollback(1);
		}

		assertThat(CreateCrates.instances.get()).isZero();
		assertThat(AddCrateLabel.instances.get()).isOne();
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:ROLLED_BACK");
		assertThat(this.state.hasColumn("crates", "label")).isFalse();
	}

	@Test
	void aSpringApplicationReadsTheIndexOnAThreadOfItsOwnBeforeItsContextIsScanned() throws IOException {
		ThreadRecordingClassLoader classLoader = new ThreadRecordingClassLoader(
				indexListing(CREATE_CRATES, ADD_CRATE_LABEL));
		start(classLoader).close();
		resetCounters();

		try (ConfigurableApplicationContext context = start(classLoader)) {
			assertThat(context.getBeanNamesForType(CreateCrates.class)).isEmpty();
			assertThat(context.getBeanNamesForType(AddCrateLabel.class)).isEmpty();
		}
		assertThat(classLoader.indexReaders).containsExactly("migrate-index");
		assertThat(CreateCrates.instances.get()).isZero();
		assertThat(AddCrateLabel.instances.get()).isZero();
	}

	@Test
	void anIndexSwitchedOnByAnInitializerIsReadWhenTheContextIsPrepared() throws IOException {
		ClassLoader indexListing = indexListing(CREATE_CRATES, ADD_CRATE_LABEL);
		start(indexListing).close();
		resetCounters();
		ThreadRecordingClassLoader classLoader = new ThreadRecordingClassLoader(indexListing);
		Consumer<SpringApplication> switchOn = (application) -> application
			.addInitializers((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("switch", Map.of("migrate.index.enabled", "true"))));

		try (ConfigurableApplicationContext context = start(classLoader, new Class<?>[] { IndexedApplication.class },
				switchOn, "migrate.index.enabled=false")) {
			assertThat(context.getBeanNamesForType(CreateCrates.class)).isEmpty();
			assertThat(context.getBeanNamesForType(AddCrateLabel.class)).isEmpty();
		}
		assertThat(classLoader.indexReaders).containsExactly(Thread.currentThread().getName());
		assertThat(CreateCrates.instances.get()).isZero();
		assertThat(AddCrateLabel.instances.get()).isZero();
	}

	@Test
	void withMigrateSwitchedOffTheIndexIsNotRead() throws IOException {
		ThreadRecordingClassLoader classLoader = new ThreadRecordingClassLoader(
				indexListing(CREATE_CRATES, ADD_CRATE_LABEL));

		start(classLoader, "migrate.enabled=false").close();

		assertThat(classLoader.indexReaders).isEmpty();
		assertThat(this.state.history()).isEmpty();
	}

	@Test
	void aRunThatSwitchesTheIndexOffDoesNotTakeTheIndexAnEarlierFailedRunRead() throws IOException {
		ClassLoader classLoader = indexListing(CREATE_CRATES, ADD_CRATE_LABEL);
		AtomicInteger contexts = new AtomicInteger();
		SpringApplication application = new SpringApplication(new DefaultResourceLoader(classLoader),
				IndexedApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// The first run fails after its environment was prepared, before its
		// initializers.
		application.setApplicationContextFactory((type) -> {
			if (contexts.getAndIncrement() == 0) {
				throw new IllegalStateException("No context this time");
			}
			return ApplicationContextFactory.DEFAULT.create(type);
		});
		String[] arguments = { "--spring.datasource.url=" + this.url, "--spring.datasource.username=sa",
				"--crates.table=crates", "--migrate.index.enabled=true" };
		assertThatIllegalStateException().isThrownBy(() -> application.run(arguments))
			.withMessage("No context this time");

		arguments[3] = "--migrate.index.enabled=false";
		try (ConfigurableApplicationContext context = application.run(arguments)) {
			assertThat(context.getBeanNamesForType(CreateCrates.class)).containsExactly("createCrates");
			assertThat(context.getBeanNamesForType(AddCrateLabel.class)).containsExactly("addCrateLabel");
			assertThat(context.getBeanFactory().containsSingleton(MigrationIndexExcludeFilter.BEAN_NAME)).isFalse();
		}
	}

	@Test
	void withoutThePropertyTheMigrationsAreScannedBeans() throws IOException {
		ClassLoader classLoader = indexListing(CREATE_CRATES, ADD_CRATE_LABEL);

		try (ConfigurableApplicationContext context = start(classLoader, "migrate.index.enabled=false")) {
			assertThat(context.getBeanNamesForType(CreateCrates.class)).containsExactly("createCrates");
			assertThat(context.getBeanNamesForType(AddCrateLabel.class)).containsExactly("addCrateLabel");
		}
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
	}

	@Test
	void aMigrationTheIndexDoesNotListIsScannedAsBefore() throws IOException {
		// An index written by an incremental compile that saw only one of the classes.
		ClassLoader classLoader = indexListing(CREATE_CRATES);

		try (ConfigurableApplicationContext context = start(classLoader)) {
			assertThat(context.getBeanNamesForType(CreateCrates.class)).containsExactly("createCrates");
			assertThat(context.getBeanFactory().getBeanDefinition("addCrateLabel").getBeanClassName())
				.isEqualTo(AddCrateLabel.class.getName());
		}
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
	}

	@Test
	void anIndexedMigrationOutsideTheScannedPackagesIsNotTheApplications() throws IOException {
		CreateShelves.instances.set(0);
		ClassLoader classLoader = indexListing(CREATE_CRATES, ADD_CRATE_LABEL,
				CreateShelves.class.getName() + "\t3\t\tDEFAULT\t\t\tYES\t");

		try (ConfigurableApplicationContext context = start(classLoader)) {
			assertThat(context.getBean(Migrator.class).info().migrations()).extracting(MigrationInfo::beanName)
				.containsExactly("createCrates", "addCrateLabel");
		}
		assertThat(CreateShelves.instances.get()).isZero();
		assertThat(this.state.hasTable("shelves")).isFalse();
	}

	@Test
	void anIndexedMigrationBehindATransactionalProxyRunsAndRollsBackAsTheProxy() throws IOException {
		ClassLoader classLoader = indexListing(CREATE_CRATES, ADD_CRATE_LABEL,
				FillCrates.class.getName() + "\t3\tFill crates\tDEFAULT\t\t\tYES\t");
		Class<?>[] sources = { IndexedApplication.class, ProxiedMigrations.class };

		try (ConfigurableApplicationContext context = start(classLoader, sources, "crates.label=fragile")) {
			assertThat(AopUtils.isAopProxy(context.getBean("fillCrates"))).isTrue();
		}
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS", "3:SUCCESS");
		assertThat(this.state.count("crates")).isOne();

		try (ConfigurableApplicationContext context = start(classLoader, sources)) {
			assertThat(context.getBeanNamesForType(FillCrates.class)).isEmpty();
			context.getBean(Migrator.class).rollback(1);
			assertThat(AopUtils.isAopProxy(context.getBean("fillCrates"))).isTrue();
		}
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS", "3:ROLLED_BACK");
		assertThat(this.state.count("crates")).isZero();
	}

	@Test
	void anIndexedMigrationOfAnotherDatabaseRunsThereAndIsNotABeanOnceApplied() throws IOException {
		CreateOrderLines.instances.set(0);
		String ordersUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		DatabaseState orders = new DatabaseState(
				DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(ordersUrl).username("sa").build());
		ClassLoader classLoader = indexListing(CREATE_CRATES, ADD_CRATE_LABEL,
				CreateOrderLines.class.getName() + "\t1\tCreate order lines\tDEFAULT\t\t\tYES\torders");
		Class<?>[] sources = { IndexedApplication.class, OrdersMigrations.class };
		String[] properties = { "migrate.databases.orders.url=" + ordersUrl, "migrate.databases.orders.user=sa" };

		start(classLoader, sources, properties).close();
		assertThat(orders.history()).containsExactly("1:SUCCESS");
		assertThat(orders.hasTable("order_lines")).isTrue();
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
		assertThat(this.state.hasTable("order_lines")).isFalse();
		assertThat(CreateOrderLines.instances.get()).isOne();

		try (ConfigurableApplicationContext context = start(classLoader, sources, properties)) {
			assertThat(context.getBeanNamesForType(CreateOrderLines.class)).isEmpty();
		}
		assertThat(CreateOrderLines.instances.get()).isOne();
	}

	@Test
	void aPendingMigrationWhoseDatabaseChangedSinceIndexingDoesNotRunOnTheDatabaseTheIndexNames() throws IOException {
		start(indexListing(CREATE_CRATES), "migrate.index.enabled=false", "migrate.target=1").close();
		String ordersUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		DatabaseState orders = new DatabaseState(
				DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(ordersUrl).username("sa").build());
		// Indexed as a migration of 'orders'; the class now is the primary's.
		ClassLoader kept = indexListing(CREATE_CRATES, ADD_CRATE_LABEL + "orders");

		assertThatException()
			.isThrownBy(() -> start(kept, new Class<?>[] { IndexedApplication.class, OrdersMigrations.class },
					"migrate.databases.orders.url=" + ordersUrl, "migrate.databases.orders.user=sa"))
			.withRootCauseInstanceOf(MigrationDefinitionException.class)
			.withMessageContaining("bean 'addCrateLabel' (" + AddCrateLabel.class.getName()
					+ "): the index of migrations (" + MigrationIndex.LOCATION
					+ ") lists it with @Migration(database = \"orders\"), but the class has @Migration(database = \"\")");
		assertThat(this.state.history()).containsExactly("1:SUCCESS");
		assertThat(this.state.hasColumn("crates", "label")).isFalse();
		assertThat(orders.history()).isEmpty();
	}

	@Test
	void anIndexedMigrationThatNamesADatabaseNotConfiguredFailsTheStartNamingIt() throws IOException {
		ClassLoader classLoader = indexListing(CREATE_CRATES, ADD_CRATE_LABEL,
				CreateOrderLines.class.getName() + "\t1\tCreate order lines\tDEFAULT\t\t\tYES\torders");

		assertThatException()
			.isThrownBy(() -> start(classLoader, new Class<?>[] { IndexedApplication.class, OrdersMigrations.class }))
			.havingRootCause()
			.withMessageContaining(
					"bean 'createOrderLines' (" + CreateOrderLines.class.getName() + ") names database 'orders'");
		assertThat(this.state.history()).isEmpty();
	}

	@Test
	void aBeanThatInjectsAnIndexedMigrationFailsTheStartSayingWhy(CapturedOutput output) throws IOException {
		ClassLoader classLoader = indexListing(CREATE_CRATES, ADD_CRATE_LABEL);

		assertThatException()
			.isThrownBy(() -> start(classLoader, new Class<?>[] { IndexedApplication.class, InjectsAMigration.class }));

		assertThat(output)
			.contains("A bean asked for migration " + AddCrateLabel.class.getName() + ", which is not a bean")
			.contains("set migrate.index.enabled=false so that every migration is a bean again");
	}

	@Test
	void withoutAnIndexTheMigrationsAreScannedAndTheStartSaysSo(CapturedOutput output) {
		ClassLoader classLoader = new IndexClassLoader(IndexedMigrationBeansTests.class.getClassLoader(), null);

		try (ConfigurableApplicationContext context = start(classLoader)) {
			assertThat(context.getBeanNamesForType(CreateCrates.class)).containsExactly("createCrates");
		}
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
		// Said once: the index is looked for once per start.
		assertThat(output.getAll()
			.split("migrate.index.enabled is set, but the class path has no " + MigrationIndex.LOCATION
					+ ": the migrations are registered by component scanning", -1))
			.hasSize(2);
	}

	@Test
	void aStaleIndexIsNotUsedAndTheStartSaysSo(CapturedOutput output) throws IOException {
		ClassLoader classLoader = indexListing(CREATE_CRATES, ADD_CRATE_LABEL,
				"dev.migrate.boot.autoconfigure.indexed.DeletedSince\t3\t\tDEFAULT\t\t\tYES\t");

		try (ConfigurableApplicationContext context = start(classLoader)) {
			assertThat(context.getBeanNamesForType(CreateCrates.class)).containsExactly("createCrates");
		}
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
		assertThat(output.getAll().split("is stale: it lists dev.migrate.boot.autoconfigure.indexed.DeletedSince", -1))
			.hasSize(2);
	}

	@Test
	void validateLoadsEveryIndexedMigrationAndCatchesOneTheIndexDescribesWrongly() throws IOException {
		start(indexListing(CREATE_CRATES, ADD_CRATE_LABEL)).close();
		ClassLoader edited = indexListing(CREATE_CRATES.replace("\t1\t", "\t7\t"), ADD_CRATE_LABEL);

		assertThatException().isThrownBy(() -> start(edited, "migrate.on-startup=validate"))
			.withRootCauseInstanceOf(MigrationDefinitionException.class)
			.withMessageContaining(CreateCrates.class.getName())
			.withMessageContaining(
					"lists it with @Migration(version = \"7\"), but the class has @Migration(version = \"1\")")
			.withMessageContaining("Rebuild the application, so that the index is written anew");
	}

	@Test
	void aPendingMigrationWhoseAnnotationWasRemovedSinceIndexingFailsTheStartAndChangesNothing() throws IOException {
		start(indexListing(CREATE_CRATES, ADD_CRATE_LABEL)).close();
		ClassLoader kept = indexListing(CREATE_CRATES, ADD_CRATE_LABEL,
				AddCrateWeight.class.getName() + "\t3\tAdd a weight to crates\tDEFAULT\t\t\tYES\t");

		assertThatException().isThrownBy(() -> start(kept))
			.withRootCauseInstanceOf(MigrationDefinitionException.class)
			.withMessageContaining(AddCrateWeight.class.getName())
			.withMessageContaining("the index of migrations (" + MigrationIndex.LOCATION
					+ ") lists it as migration 3, but the class is not annotated with @Migration")
			.withMessageContaining("Rebuild the application, so that the index is written anew");
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
		assertThat(this.state.hasColumn("crates", "weight")).isFalse();
	}

	@Test
	void aPendingMigrationWhoseTransactionModeChangedSinceIndexingFailsTheStartAndChangesNothing() throws IOException {
		start(indexListing(CREATE_CRATES), "migrate.index.enabled=false", "migrate.target=1").close();
		// Run as the index describes it, the migration would run outside a transaction.
		ClassLoader kept = indexListing(CREATE_CRATES, ADD_CRATE_LABEL.replace("\tDEFAULT\t", "\tNONE\t"));

		assertThatException().isThrownBy(() -> start(kept))
			.withRootCauseInstanceOf(MigrationDefinitionException.class)
			.withMessageContaining("bean 'addCrateLabel' (" + AddCrateLabel.class.getName()
					+ "): the index of migrations (" + MigrationIndex.LOCATION
					+ ") lists it with @Migration(transaction = NONE), but the class has"
					+ " @Migration(transaction = DEFAULT)")
			.withMessageContaining("Rebuild the application, so that the index is written anew");
		assertThat(this.state.history()).containsExactly("1:SUCCESS");
		assertThat(this.state.hasColumn("crates", "label")).isFalse();
	}

	private ConfigurableApplicationContext start(ClassLoader classLoader, String... properties) {
		return start(classLoader, new Class<?>[] { IndexedApplication.class }, properties);
	}

	private ConfigurableApplicationContext start(ClassLoader classLoader, Class<?>[] sources, String... properties) {
		return start(classLoader, sources, (application) -> {
		}, properties);
	}

	private ConfigurableApplicationContext start(ClassLoader classLoader, Class<?>[] sources,
			Consumer<SpringApplication> customizer, String... properties) {
		SpringApplication application = new SpringApplication(new DefaultResourceLoader(classLoader), sources);
		application.setWebApplicationType(WebApplicationType.NONE);
		customizer.accept(application);
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + this.url,
				"--spring.datasource.username=sa", "--crates.table=crates"));
		for (String property : properties) {
			arguments.add("--" + property);
		}
		if (arguments.stream().noneMatch((argument) -> argument.startsWith("--migrate.index.enabled="))) {
			arguments.add("--migrate.index.enabled=true");
		}
		return application.run(arguments.toArray(String[]::new));
	}

	private ClassLoader indexListing(String... lines) throws IOException {
		Path index = Files.createTempFile(this.directory, "migrations", ".index");
		Files.writeString(index, "# migrate index of @Migration classes, format 2\n" + String.join("\n", lines) + "\n",
				StandardCharsets.UTF_8);
		return new IndexClassLoader(IndexedMigrationBeansTests.class.getClassLoader(), index.toUri().toURL());
	}

	/**
	 * Records the threads that look the index of migrations up.
	 */
	static final class ThreadRecordingClassLoader extends ClassLoader {

		final Set<String> indexReaders = ConcurrentHashMap.newKeySet();

		ThreadRecordingClassLoader(ClassLoader parent) {
			super(parent);
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			if (name.equals(MigrationIndex.LOCATION)) {
				this.indexReaders.add(Thread.currentThread().getName());
			}
			return super.getResources(name);
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class })
	@ComponentScan(basePackageClasses = CreateCrates.class,
			excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
	static class IndexedApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	@ComponentScan(basePackageClasses = FillCrates.class,
			excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
	static class ProxiedMigrations {

		@Bean
		DataSourceTransactionManager transactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(MigrateDatabasesAutoConfiguration.class)
	@ComponentScan(basePackageClasses = CreateOrderLines.class,
			excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
	static class OrdersMigrations {

	}

	@Configuration(proxyBeanMethods = false)
	static class InjectsAMigration {

		@Bean
		String labelMigrationName(AddCrateLabel migration) {
			return migration.toString();
		}

	}

}
