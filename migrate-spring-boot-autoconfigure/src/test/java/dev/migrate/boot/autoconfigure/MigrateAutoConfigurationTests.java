package dev.migrate.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.ValidationResult;
import dev.migrate.boot.autoconfigure.TestMigrations.AddAuthor;
import dev.migrate.boot.autoconfigure.TestMigrations.CreateBooks;
import dev.migrate.boot.autoconfigure.TestMigrations.FailOnPurpose;
import dev.migrate.boot.autoconfigure.command.MigrateCommandCompletedException;
import dev.migrate.boot.autoconfigure.command.MigrateCommandExitHandler;
import dev.migrate.boot.autoconfigure.domain.Book;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrateAutoConfiguration}, on H2 databases of their own.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrateAutoConfigurationTests {

	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final DatabaseState state = new DatabaseState(dataSource(this.url));

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + this.url, "spring.datasource.username=sa");

	private final ApplicationContextRunner jpaContextRunner = this.contextRunner
		.withConfiguration(AutoConfigurations.of(HibernateJpaAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
				MigrateJpaAutoConfiguration.class))
		.withUserConfiguration(BookEntities.class);

	@Test
	void backsOffWithoutDataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
			.withUserConfiguration(CreateBooks.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(Migrator.class)
				.doesNotHaveBean(MigrateMigrationInitializer.class));
	}

	@Test
	void appliesSqlFileMigrationsFromTheLocationsWithTheBeans() {
		this.contextRunner.withUserConfiguration(AddNicknameToSqlNotes.class)
			.withPropertyValues("migrate.locations=classpath:dev/migrate/sqlfiles/basic,classpath:not/there")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "1.1:SUCCESS", "2:SUCCESS", "3:SUCCESS");
				assertThat(this.state.hasTable("sql_notes")).isTrue();
			});
	}

	@Test
	void badSqlFileStopsTheStartNamingIt() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:dev/migrate/sqlfiles/bad")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("V2-Typo.sql looks like a migration"));
		assertThat(this.state.hasTable("migrate_history")).isFalse();
	}

	@Test
	void backsOffWhenMigrateIsDisabled() {
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class);
				assertThat(this.state.hasTable("book")).isFalse();
				assertThat(this.state.hasTable("migrate_history")).isFalse();
			});
	}

	@Test
	void backsOffWhenTheUserDefinesTheirOwnInitializer() {
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class, OwnInitializer.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrateMigrationInitializer.class);
				assertThat(context).getBean(MigrateMigrationInitializer.class)
					.isSameAs(context.getBean("ownInitializer"));
				// The user's initializer stops at version 1.
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
			});
	}

	@Test
	void migratesUpToTheTargetWithTheDefaultStrategy() {
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class)
			.withPropertyValues("migrate.target=1")
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrateToTargetMigrationStrategy.class)
					.doesNotHaveBean(MigrateCommandMigrationStrategy.class);
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
			});
	}

	@Test
	void usersOwnStrategyReplacesTheDefault() {
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class)
			.withBean("validateOnly", MigrateMigrationStrategy.class, () -> (migrator) -> {
				ValidationResult validation = migrator.validate();
				assertThat(validation.isValid()).isTrue();
			})
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(MigrateToTargetMigrationStrategy.class);
				// Validated, not migrated: migration 2 is still pending.
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
				assertThat(this.state.hasColumn("book", "author")).isFalse();
			});
	}

	@Test
	void usersOwnStrategyCanRepairBeforeMigrating() {
		this.contextRunner.withUserConfiguration(CreateBooks.class, FailOnPurpose.class)
			.run((context) -> assertThat(context).hasFailed());
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "4:FAILED");
		this.contextRunner.withUserConfiguration(CreateBooks.class, FixedMigration4.class)
			.run((context) -> assertThat(context).hasFailed());
		this.contextRunner.withUserConfiguration(CreateBooks.class, FixedMigration4.class)
			.withBean(MigrateMigrationStrategy.class, () -> (migrator) -> {
				migrator.repair();
				migrator.migrate();
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "4:SUCCESS");
				assertThat(this.state.hasTable("fixed")).isTrue();
			});
	}

	@Test
	void commandRunsInsteadOfTheUsersOwnStrategy() {
		RecordingExitHandler exitHandler = new RecordingExitHandler();
		List<String> calls = new ArrayList<>();
		this.contextRunner.withUserConfiguration(CreateBooks.class, AddAuthor.class)
			.withBean(MigrateMigrationStrategy.class, () -> (migrator) -> calls.add("user's strategy"))
			.withBean(MigrateCommandExitHandler.class, () -> exitHandler)
			.withPropertyValues("migrate.command=migrate", "migrate.target=1")
			.run((context) -> {
				assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(MigrateCommandCompletedException.class);
				assertThat(exitHandler.result().exitCode()).isZero();
				assertThat(calls).isEmpty();
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
			});
	}

	@Test
	void commandReportsNameThePropertiesEvenForTheUsersOwnMigrator() {
		RecordingExitHandler exitHandler = new RecordingExitHandler();
		// The user's Migrator is built without the starter's vocabulary.
		this.contextRunner.withUserConfiguration(OwnMigrator.class)
			.withBean(MigrateCommandExitHandler.class, () -> exitHandler)
			.withPropertyValues("migrate.command=rollback", "migrate.steps=0")
			.run((context) -> {
				assertThat(exitHandler.result().exitCode()).isEqualTo(4);
				assertThat(exitHandler.result().report()).contains("Cannot roll back 0 steps (migrate.steps)")
					.doesNotContain("argument");
				assertThat(this.state.hasTable("own_history")).isFalse();
			});
	}

	@Test
	void usesTheUsersOwnMigrator() {
		this.contextRunner.withUserConfiguration(OwnMigrator.class).run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class);
			assertThat(this.state.count("own_history")).isOne();
			assertThat(this.state.hasTable("migrate_history")).isFalse();
		});
	}

	@Test
	void appliesCustomizersAfterTheProperties() {
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.table=from_properties", "migrate.installed-by=properties")
			.withBean(MigrateConfigurationCustomizer.class, () -> (builder) -> builder.installedBy("customizer"))
			.run((context) -> assertThat(
					this.state.jdbc().queryForObject("SELECT installed_by FROM from_properties", String.class))
				.isEqualTo("customizer"));
	}

	@Test
	void runsPendingMigrationsBeforeJpaStarts() {
		this.jpaContextRunner.withUserConfiguration(CreateBooks.class).run((context) -> {
			assertThat(context).hasNotFailed();
			EntityManager entityManager = context.getBean(EntityManagerFactory.class).createEntityManager();
			try {
				// Hibernate's embedded default (create-drop) would have dropped the
				// seeded row.
				List<Book> books = entityManager.createQuery("from Book", Book.class).getResultList();
				assertThat(books).extracting(Book::getTitle).containsExactly("Seeded by migration 1");
			}
			finally {
				entityManager.close();
			}
		});
	}

	@Test
	void migrationCallingABeanThatNeedsTheMigratedDatabaseSaysWhatToDoInstead() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
			.withUserConfiguration(CreateBooks.class, AuditingService.class, AddAuditedBook.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("Migration 2")
					.contains("it called bean 'migrateAutoConfigurationTests.AuditingService', which cannot be created"
							+ " while migrations run")
					.contains("JdbcTemplate, JdbcClient or MigrationContext parameters of up and down")
					.doesNotContain("BeanCurrentlyInCreationException");
				// H2 is not atomic: the run records the failure.
				assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:FAILED");
			});
	}

	@Test
	void runsSqlInitScriptsAfterTheMigrations() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceInitializationAutoConfiguration.class))
			.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("spring.sql.init.mode=always",
					"spring.sql.init.data-locations=classpath:dev/migrate/boot/autoconfigure/books-data.sql")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.state.jdbc().queryForList("SELECT title FROM book ORDER BY id", String.class))
					.containsExactly("Seeded by migration 1", "Inserted by data.sql");
				// The order of the auto-configurations alone happens to create migrate's
				// initializer first here; the dependency guarantees it in any order.
				assertThat(context.getBeanFactory()
					.getBeanDefinition("dataSourceScriptDatabaseInitializer")
					.getDependsOn()).contains("migrateInitializer");
			});
	}

	@Test
	void jpaValidationSeesTheMigratedSchema() {
		this.jpaContextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(EntityManagerFactory.class));
	}

	@Test
	void failsStartUpWhenDdlAutoWouldChangeTheMigratedSchema() {
		this.jpaContextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=update")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(DdlAutoConflictException.class);
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("spring.jpa.hibernate.ddl-auto", "update");
				assertThat(analysis.getAction()).contains("validate", "migrate.enabled=false");
				assertThat(this.state.hasTable("book")).isFalse();
			});
	}

	@ParameterizedTest
	@CsvSource({ "spring.jpa.hibernate.ddl-auto, create-drop", "spring.jpa.hibernate.ddl-auto, drop",
			"spring.jpa.hibernate.ddl-auto, drop_and_create", "spring.jpa.hibernate.ddl-auto, create-only",
			"spring.jpa.hibernate.ddl-auto, CREATE", "spring.jpa.properties.hibernate.hbm2ddl.auto, create",
			"spring.jpa.properties.hibernate.hbm2ddl.auto, update",
			"spring.jpa.properties.jakarta.persistence.schema-generation.database.action, drop-and-create" })
	void failsStartUpWhateverPropertyAsksHibernateToChangeTheSchema(String property, String value) {
		this.jpaContextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues(property + "=" + value)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(DdlAutoConflictException.class)
					.rootCause()
					.hasMessageStartingWith(property + " is set to '" + value + "' while migrate manages the schema");
				assertThat(this.state.hasTable("book")).isFalse();
			});
	}

	@Test
	void failsStartUpWhenSpringBootsUnitWouldGenerateTheSchema() {
		// ddl-auto defaults to none, which Spring Boot leaves out of the unit's
		// properties: the vendor adapter's generateDdl would then apply.
		this.jpaContextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("spring.jpa.generate-ddl=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(DdlAutoConflictException.class)
					.hasMessageContaining("The EntityManagerFactory bean 'entityManagerFactory' sets"
							+ " hibernate.hbm2ddl.auto to 'update' (in its JpaVendorAdapter (generateDdl=true))")
					.hasMessageContaining("spring.jpa.generate-ddl");
			});
	}

	@Test
	void rollbackCommandDoesNotTripJpaValidation() {
		RecordingExitHandler exitHandler = new RecordingExitHandler();
		this.jpaContextRunner.withUserConfiguration(CreateBooks.class)
			.run((context) -> assertThat(context).hasNotFailed());
		this.jpaContextRunner.withUserConfiguration(CreateBooks.class)
			.withBean(MigrateCommandExitHandler.class, () -> exitHandler)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate", "migrate.command=rollback")
			.run((context) -> {
				assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(MigrateCommandCompletedException.class);
				assertThat(exitHandler.result().exitCode()).isZero();
				assertThat(this.state.hasTable("book")).isFalse();
			});
	}

	@Test
	void reportsAMigrationThatDependsOnTheEntityManagerFactory() {
		this.jpaContextRunner.withUserConfiguration(CreateBooks.class, MigrationUsingJpa.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getCause()).isInstanceOfSatisfying(MigrationBeanCycleException.class,
					(cycle) -> assertThat(cycle.getBeanName())
						.isEqualTo("migrateAutoConfigurationTests.MigrationUsingJpa"));
			assertThat(analysis.getDescription()).contains("migrateAutoConfigurationTests.MigrationUsingJpa")
				.contains("entityManagerFactory");
			assertThat(analysis.getAction()).contains("MigrationContext parameter");
			assertThat(this.state.hasTable("migrate_history")).isFalse();
		});
	}

	@ParameterizedTest
	@ValueSource(classes = { MigrationUsingJdbcTemplateBean.class, MigrationUsingJdbcClientBean.class })
	void reportsAMigrationThatDependsOnTheApplicationsJdbcBeans(Class<?> migration) {
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class))
			.withUserConfiguration(CreateBooks.class, migration)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getCause()).isInstanceOfSatisfying(MigrationBeanCycleException.class,
						(cycle) -> assertThat(cycle.getBeanName()).endsWith(migration.getSimpleName()));
				assertThat(analysis.getAction()).contains("MigrationContext parameter");
				assertThat(this.state.hasTable("migrate_history")).isFalse();
			});
	}

	@Test
	void migratesWithLazyInitialization() {
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("spring.main.lazy-initialization=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.state.history()).containsExactly("1:SUCCESS");
			});
	}

	@Test
	void warnsThatApplicationCodeDoesNotJoinWhenMigrateHasItsOwnDataSource(CapturedOutput output) {
		String otherUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.url=" + otherUrl)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("migrate migrates through a DataSource of its own (migrate.url, migrate.user)")
			.contains("does not join the migration's transaction");
	}

	@Test
	void doesNotWarnWhenMigratingTheApplicationsDataSource(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("migrate migrates through a DataSource of its own");
	}

	@Test
	void warnsThatApplicationCodeDoesNotJoinWhenMigrateUsesTheMigrateDataSource(CapturedOutput output) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
			.withUserConfiguration(CreateBooks.class, TwoDataSources.class)
			.withPropertyValues("primary.url=" + this.url)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("migrate migrates through a DataSource of its own (@MigrateDataSource)")
			.contains("does not join the migration's transaction");
	}

	@Test
	void migratesTheDataSourceMarkedWithMigrateDataSource() {
		DatabaseState other = new DatabaseState(dataSource(TwoDataSources.OTHER_URL));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
			.withUserConfiguration(CreateBooks.class, TwoDataSources.class)
			.withPropertyValues("primary.url=" + this.url)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(other.history()).containsExactly("1:SUCCESS");
				assertThat(this.state.hasTable("book")).isFalse();
			});
	}

	@Test
	void migratesThroughTheDedicatedConnectionOfMigrateUrl() {
		String otherUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		DatabaseState other = new DatabaseState(dataSource(otherUrl));
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.url=" + otherUrl, "migrate.user=sa")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(other.history()).containsExactly("1:SUCCESS");
				assertThat(this.state.hasTable("book")).isFalse();
			});
	}

	@Test
	void recordsTheUserOfMigrateUserAsInstaller() {
		this.state.jdbc().execute("CREATE USER deployer PASSWORD 'secret' ADMIN");
		this.contextRunner.withUserConfiguration(CreateBooks.class)
			.withPropertyValues("migrate.user=deployer", "migrate.password=secret")
			.run((context) -> assertThat(
					this.state.jdbc().queryForObject("SELECT installed_by FROM migrate_history", String.class))
				.isEqualToIgnoringCase("deployer"));
	}

	private static DataSource dataSource(String url) {
		return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(url).username("sa").build();
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Book.class)
	static class BookEntities {

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSources {

		static final String OTHER_URL = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

		@Bean
		@Primary
		DataSource primaryDataSource(org.springframework.core.env.Environment environment) {
			return dataSource(environment.getRequiredProperty("primary.url"));
		}

		@Bean
		@MigrateDataSource
		DataSource otherDataSource() {
			return dataSource(OTHER_URL);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnInitializer {

		@Bean
		MigrateMigrationInitializer ownInitializer(Migrator migrator) {
			return new MigrateMigrationInitializer(migrator, (engine) -> engine.migrate("1"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnMigrator {

		@Bean
		Migrator ownMigrator(DataSource dataSource) {
			return Migrator.builder(dataSource).table("own_history").migrations(List.of(new CreateBooks())).build();
		}

	}

	@dev.migrate.Migration(version = "4", description = "Fail on purpose")
	static class FixedMigration4 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE fixed (id INT PRIMARY KEY)");
		}

	}

	@dev.migrate.Migration(version = "2")
	static class MigrationUsingJpa {

		MigrationUsingJpa(EntityManagerFactory entityManagerFactory) {
		}

		public void up(JdbcTemplate jdbc) {
		}

	}

	@dev.migrate.Migration(version = "2")
	static class MigrationUsingJdbcTemplateBean {

		MigrationUsingJdbcTemplateBean(JdbcTemplate jdbcTemplate) {
		}

		public void up(JdbcTemplate jdbc) {
		}

	}

	@dev.migrate.Migration(version = "2")
	static class MigrationUsingJdbcClientBean {

		MigrationUsingJdbcClientBean(JdbcClient jdbcClient) {
		}

		public void up(JdbcTemplate jdbc) {
		}

	}

	@Migration(version = "3")
	static class AddNicknameToSqlNotes {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE sql_notes ADD COLUMN nickname VARCHAR(50)");
		}

	}

	static class AuditingService {

		private final JdbcTemplate jdbc;

		AuditingService(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		void audit() {
			this.jdbc.update("INSERT INTO book (id, title) VALUES (99, 'audited')");
		}

	}

	@Migration(version = "2")
	static class AddAuditedBook {

		private final ObjectProvider<AuditingService> service;

		AddAuditedBook(ObjectProvider<AuditingService> service) {
			this.service = service;
		}

		public void up(JdbcTemplate jdbc) {
			this.service.getObject().audit();
		}

	}

}
