package dev.migrate.boot.autoconfigure;

import java.util.UUID;

import dev.migrate.MigrationInfo;
import dev.migrate.Migrator;
import dev.migrate.boot.autoconfigure.inherited.Counted;
import dev.migrate.boot.autoconfigure.scanned.AddShelfLabel;
import dev.migrate.boot.autoconfigure.scanned.CreateShelves;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Migrations registered by component scanning are described from their bean definitions
 * and created only when they run: a start with nothing pending creates none of them.
 */
class ScannedMigrationBeansTests {

	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final DatabaseState state = new DatabaseState(
			DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(this.url).username("sa").build());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + this.url, "spring.datasource.username=sa")
		.withUserConfiguration(ScannedMigrations.class);

	@BeforeEach
	void resetCounters() {
		CreateShelves.instances.set(0);
		AddShelfLabel.instances.set(0);
	}

	@Test
	void aStartWithNothingPendingCreatesNoMigrationBean() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
		resetCounters();

		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).info().migrations()).extracting(MigrationInfo::state)
				.map(Enum::name)
				.containsExactly("APPLIED", "APPLIED");
		});

		assertThat(CreateShelves.instances.get()).isZero();
		assertThat(AddShelfLabel.instances.get()).isZero();
	}

	@Test
	void onlyThePendingMigrationsBeanIsCreated() {
		this.contextRunner.withPropertyValues("migrate.target=1").run((context) -> assertThat(context).hasNotFailed());
		assertThat(CreateShelves.instances.get()).isOne();
		assertThat(AddShelfLabel.instances.get()).isZero();
		resetCounters();

		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());

		assertThat(CreateShelves.instances.get()).isZero();
		assertThat(AddShelfLabel.instances.get()).isOne();
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS");
		assertThat(this.state.hasTable("shelves")).isTrue();
	}

	@Test
	void aRollbackCreatesTheBeanItRollsBack() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		resetCounters();

		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			context.getBean(Migrator.class).rollback(1);
		});

		assertThat(CreateShelves.instances.get()).isZero();
		assertThat(AddShelfLabel.instances.get()).isOne();
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:ROLLED_BACK");
	}

	@Test
	void appliedMigrationsWithSupertypesAreReportedWithoutCreatingTheirBeans() {
		ApplicationContextRunner inherited = this.contextRunner.withUserConfiguration(InheritedMigrations.class);
		inherited.run((context) -> assertThat(context).hasNotFailed());
		assertThat(this.state.history()).containsExactly("1:SUCCESS", "2:SUCCESS", "3:SUCCESS", "4:SUCCESS",
				"5:SUCCESS");
		Counted.instances.set(0);
		resetCounters();

		inherited.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).info().migrations())
				.extracting((info) -> info.version().toString(), MigrationInfo::reversible)
				.containsExactly(tuple("1", true), tuple("2", true), tuple("3", true), tuple("4", false),
						tuple("5", true));
		});

		assertThat(Counted.instances.get()).isZero();
		assertThat(CreateShelves.instances.get()).isZero();
		// The interface's default method is the down method the engine runs.
		inherited.run((context) -> context.getBean(Migrator.class).rollback(1));
		assertThat(this.state.history()).endsWith("4:SUCCESS", "5:ROLLED_BACK");
		assertThat(this.state.hasColumn("crates", "label")).isFalse();
	}

	@Configuration(proxyBeanMethods = false)
	@ComponentScan(basePackageClasses = CreateShelves.class)
	static class ScannedMigrations {

	}

	@Configuration(proxyBeanMethods = false)
	@ComponentScan(basePackageClasses = Counted.class)
	static class InheritedMigrations {

	}

}
