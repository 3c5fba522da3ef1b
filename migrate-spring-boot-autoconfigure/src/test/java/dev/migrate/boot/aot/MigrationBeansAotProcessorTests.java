package dev.migrate.boot.aot;

import java.util.List;
import java.util.Map;

import dev.migrate.resolver.SqlFileMigration;
import dev.migrate.Migration;
import dev.migrate.MigrationContext;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.javapoet.ClassName;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationBeansAotProcessor}: the runtime hints a native image needs to
 * find, call and fingerprint {@link Migration @Migration} beans.
 */
class MigrationBeansAotProcessorTests {

	@Test
	void registersReflectionOnUpAndDownOfEachMigration() {
		RuntimeHints hints = process(AddTags.class);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AddTags.class, "up")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AddTags.class, "down")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AddTags.class, "tagsTable")).accepts(hints);
	}

	@Test
	void registersReflectionOnMethodsInheritedFromABaseClass() {
		RuntimeHints hints = process(InheritedDown.class);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(BaseMigration.class, "down")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(InheritedDown.class, "up")).accepts(hints);
	}

	@Test
	void registersTheClassFileThatTheChecksumIsComputedFrom() {
		RuntimeHints hints = process(AddTags.class);
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("dev/migrate/boot/aot/MigrationBeansAotProcessorTests$AddTags.class")).accepts(hints);
	}

	@Test
	void registersTheSqlScriptsNextToTheMigration() {
		RuntimeHints hints = process(AddTags.class);
		assertThat(RuntimeHintsPredicates.resource().forResource("dev/migrate/boot/aot/V5__tags.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("dev/migrate/boot/other/V5__tags.sql")).rejects(hints);
	}

	@Test
	void registersSqlFileMigrationsOfTheDefaultLocationWithoutMigrationBeans() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("notAMigration", new RootBeanDefinition(StringBuilder.class));
		RuntimeHints hints = processAheadOfTime(beanFactory);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/V1__Create_users.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/2026/U7__Add_index.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(SqlFileMigration.class, "up")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(SqlFileMigration.class, "down"))
			.accepts(hints);
	}

	@Test
	void registersTheLocationsOfEveryDatabaseAndOfTheTenants() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of("migrate.databases.orders.locations", "classpath:db/orders",
							"migrate.databases.orders.data-source", "ordersDataSource", "migrate.tenants.locations",
							"classpath:db/tenants")));
		beanFactory.registerSingleton(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME, environment);
		RuntimeHints hints = processAheadOfTime(beanFactory);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/V1__x.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/orders/V3__Create_invoices.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/tenants/V2__Create_notes.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/other/V1__x.sql")).rejects(hints);
	}

	private RuntimeHints processAheadOfTime(DefaultListableBeanFactory beanFactory) {
		BeanFactoryInitializationAotContribution contribution = new MigrationBeansAotProcessor()
			.processAheadOfTime(beanFactory);
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generationContext = generationContext();
		contribution.applyTo(generationContext, null);
		return generationContext.getRuntimeHints();
	}

	@Test
	void registersTheConfiguredClassPathLocations() {
		RuntimeHints hints = new RuntimeHints();
		MigrationBeansAotProcessor.registerSqlFileHints(hints,
				List.of("classpath:/sql/app/", "classpath*:shared", "file:/opt/sql"));
		assertThat(RuntimeHintsPredicates.resource().forResource("sql/app/V1__x.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("shared/V1__x.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/V1__x.sql")).rejects(hints);
	}

	@Test
	void isFoundThroughAotFactoriesWhenAContextIsProcessed() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean("addTags", AddTags.class);
		DefaultGenerationContext generationContext = generationContext();
		new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
		RuntimeHints hints = generationContext.getRuntimeHints();
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AddTags.class, "up")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("dev/migrate/boot/aot/MigrationBeansAotProcessorTests$AddTags.class")).accepts(hints);
	}

	private static RuntimeHints process(Class<?> migration) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("migration", new RootBeanDefinition(migration));
		BeanFactoryInitializationAotContribution contribution = new MigrationBeansAotProcessor()
			.processAheadOfTime(beanFactory);
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generationContext = generationContext();
		contribution.applyTo(generationContext, null);
		return generationContext.getRuntimeHints();
	}

	private static DefaultGenerationContext generationContext() {
		return new DefaultGenerationContext(new ClassNameGenerator(ClassName.get("com.example", "Test")),
				new InMemoryGeneratedFiles());
	}

	@Migration(version = "5")
	static class AddTags {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE " + tagsTable() + " (id INT)");
		}

		public void down(MigrationContext context) {
			context.jdbcTemplate().execute("DROP TABLE " + tagsTable());
		}

		private String tagsTable() {
			return "tags";
		}

	}

	abstract static class BaseMigration {

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE inherited");
		}

	}

	@Migration(version = "6")
	static class InheritedDown extends BaseMigration {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE inherited (id INT)");
		}

	}

}
