package dev.migrate;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.migrate.resolver.ClassFileSource;
import dev.migrate.resolver.MigrationSource;
import dev.migrate.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Migrations given as {@link MigrationSource sources}: a migration's bean is obtained
 * only when it runs or an operation needs it, never for the check of an up-to-date
 * database.
 */
class MigrationSourceTests {

	private TestDatabase.@Nullable Isolated isolated;

	private DataSource dataSource;

	@BeforeEach
	void createDatabase() {
		TestDatabase.Isolated created = TestDatabase.H2.createIsolated();
		this.isolated = created;
		this.dataSource = created.dataSource();
		Counted.reset();
	}

	@AfterEach
	void dropDatabase() {
		if (this.isolated != null) {
			this.isolated.close();
		}
	}

	@Test
	void appliedMigrationsAreNotInstantiatedWhenNothingIsPending() {
		migrator(first(), second()).migrate();
		assertThat(CreateFirst.instances.get()).isOne();
		assertThat(CreateSecond.instances.get()).isOne();

		OperationResult result = migrator(first(), second()).migrate();

		assertThat(result.executions()).isEmpty();
		assertThat(CreateFirst.instances.get()).isOne();
		assertThat(CreateSecond.instances.get()).isOne();
	}

	@Test
	void onlyThePendingMigrationIsInstantiated() {
		migrator(first()).migrate();

		Migrator migrator = migrator(first(), second());
		assertThat(migrator.info().migrations()).extracting((info) -> info.version() + ":" + info.state())
			.containsExactly("1:APPLIED", "2:PENDING");
		assertThat(CreateFirst.instances.get()).as("applied: never created again").isOne();
		assertThat(CreateSecond.instances.get()).as("pending: checked by info as by migrate").isOne();
		assertThat(migrator.migrate().executions()).hasSize(1);

		assertThat(CreateFirst.instances.get()).isOne();
		assertThat(CreateSecond.instances.get()).isOne();
		assertThat(tables()).contains("FIRST_TABLE", "SECOND_TABLE");
	}

	@Test
	void theSameMigrationGivenAsABeanOrAsASourceHasTheSameChecksum() {
		migrator(first(), second()).migrate();

		Migrator beans = Migrator.builder(this.dataSource)
			.migrations(List.of(new CreateFirst(), new CreateSecond()))
			.build();

		assertThat(beans.validate().isValid()).isTrue();
		assertThat(beans.migrate().executions()).isEmpty();
	}

	@Test
	void anAppliedMigrationEditedAfterwardsStopsMigrateWithoutBeingInstantiated() {
		migrator(first(), second()).migrate();
		MigrationSource edited = source("createFirst", CreateFirstEdited.class, "1", CreateFirstEdited::new);

		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> migrator(edited, second()).migrate())
			.withMessageContaining("Migration 1 (bean 'createFirst', " + CreateFirstEdited.class.getName() + ")")
			.withMessageContaining("was changed after it was applied");
		assertThat(CreateFirstEdited.instances.get()).isZero();
		assertThat(migrator(edited, second()).validate().problems()).singleElement()
			.asString()
			.contains("was changed after it was applied");
	}

	@Test
	void aPendingMigrationThatIsNotWellDefinedStopsMigrateBeforeAnythingRuns() {
		migrator(first()).migrate();
		MigrationSource broken = source("withoutUp", WithoutUp.class, "3", WithoutUp::new);

		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> migrator(first(), second(), broken).migrate())
			.withMessageContaining("bean 'withoutUp' (" + WithoutUp.class.getName() + ") has no public 'up' method");
		assertThat(tables()).contains("FIRST_TABLE").doesNotContain("SECOND_TABLE");
		assertThat(CreateSecond.instances.get()).isOne();
	}

	@Test
	void validateObtainsAndChecksEveryBean() {
		migrator(first(), second()).migrate();
		Counted.reset();

		assertThat(migrator(first(), second()).validate().isValid()).isTrue();

		assertThat(CreateFirst.instances.get()).isOne();
		assertThat(CreateSecond.instances.get()).isOne();
		MigrationSource broken = source("withoutUp", WithoutUp.class, "3", WithoutUp::new);
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> migrator(first(), second(), broken).validate())
			.withMessageContaining("has no public 'up' method");
	}

	@Test
	void rollbackInstantiatesOnlyTheMigrationsItRollsBack() {
		migrator(first(), second()).migrate();
		Counted.reset();

		assertThat(migrator(first(), second()).rollback(1).executions()).hasSize(1);

		assertThat(CreateFirst.instances.get()).isZero();
		assertThat(CreateSecond.instances.get()).isOne();
		assertThat(tables()).contains("FIRST_TABLE").doesNotContain("SECOND_TABLE");
	}

	@Test
	void attributesAreCheckedWhenTheEngineIsBuilt() {
		MigrationSource zero = source("createFirst", CreateFirst.class, "0", CreateFirst::new);

		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> Migrator.builder(this.dataSource).migrationSources(List.of(zero, first())).build())
			.withMessageContaining("version \"0\" is zero");
		MigrationSource again = source("createFirstAgain", CreateFirstEdited.class, "1", CreateFirstEdited::new);
		assertThatExceptionOfType(MigrationDefinitionException.class)
			.isThrownBy(() -> Migrator.builder(this.dataSource).migrationSources(List.of(first(), again)).build())
			.withMessageContaining("Duplicate version 1: bean 'createFirst'");
		assertThat(CreateFirst.instances.get() + CreateFirstEdited.instances.get()).isZero();
	}

	private Migrator migrator(MigrationSource... sources) {
		return Migrator.builder(this.dataSource).migrationSources(List.of(sources)).build();
	}

	private static MigrationSource first() {
		return source("createFirst", CreateFirst.class, "1", CreateFirst::new);
	}

	private static MigrationSource second() {
		return source("createSecond", CreateSecond.class, "2", CreateSecond::new);
	}

	private static MigrationSource source(String beanName, Class<?> type, String version,
			java.util.function.Supplier<Object> bean) {
		// Reversible as read from the class file: it declares a down method.
		return new MigrationSource(beanName, type.getName(), version, "", TransactionMode.DEFAULT, "", true,
				ClassFileSource.of(MigrationSourceTests.class.getClassLoader()), bean);
	}

	private List<String> tables() {
		return new JdbcTemplate(this.dataSource).queryForList(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'", String.class);
	}

	static final class Counted {

		static void reset() {
			CreateFirst.instances.set(0);
			CreateFirstEdited.instances.set(0);
			CreateSecond.instances.set(0);
			WithoutUp.instances.set(0);
		}

	}

	@Migration(version = "1")
	public static class CreateFirst {

		static final AtomicInteger instances = new AtomicInteger();

		public CreateFirst() {
			instances.incrementAndGet();
		}

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE first_table (id INT)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE first_table");
		}

	}

	@Migration(version = "1")
	public static class CreateFirstEdited {

		static final AtomicInteger instances = new AtomicInteger();

		public CreateFirstEdited() {
			instances.incrementAndGet();
		}

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE first_table (id BIGINT)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE first_table");
		}

	}

	@Migration(version = "2")
	public static class CreateSecond {

		static final AtomicInteger instances = new AtomicInteger();

		public CreateSecond() {
			instances.incrementAndGet();
		}

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE second_table (id INT)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE second_table");
		}

	}

	@Migration(version = "3")
	public static class WithoutUp {

		static final AtomicInteger instances = new AtomicInteger();

		public WithoutUp() {
			instances.incrementAndGet();
		}

	}

}
