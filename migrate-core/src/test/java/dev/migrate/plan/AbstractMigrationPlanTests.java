package dev.migrate.plan;

import java.util.List;
import java.util.Map;

import dev.migrate.Migration;
import dev.migrate.MigrationContext.Direction;
import dev.migrate.MigrationFailedException;
import dev.migrate.Migrator;
import dev.migrate.PlanResult;
import dev.migrate.PlanResult.PlannedMigration;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Contract of {@link Migrator#plan()}: the SQL of pending migrations, with schema and
 * history left exactly as they were, validated against the real schema where DDL is
 * transactional.
 */
abstract class AbstractMigrationPlanTests {

	private TestDatabase.Isolated database;

	private JdbcTemplate jdbc;

	abstract TestDatabase database();

	abstract boolean validates();

	@BeforeEach
	void createDatabase() {
		this.database = database().createIsolated();
		this.jdbc = new JdbcTemplate(this.database.dataSource());
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	private Migrator migrator(Object... migrations) {
		return Migrator.builder(this.database.dataSource()).migrations(List.of(migrations)).build();
	}

	@Test
	void plansPendingMigrationsWithoutChangingSchemaOrHistory() {
		migrator(new CreateCars()).migrate();
		List<Map<String, Object>> historyBefore = history();
		Migrator migrator = migrator(new CreateCars(), new AddColour(), new SeedCar());

		PlanResult plan = migrator.plan();

		assertThat(plan.direction()).isEqualTo(Direction.UP);
		assertThat(plan.migrations()).extracting((migration) -> migration.version().toString())
			.containsExactly("2", "3");
		assertThat(plan.migrations().get(0).statements())
			.containsExactly("ALTER TABLE cars ADD COLUMN colour VARCHAR(20)");
		assertThat(plan.migrations().get(1).statements())
			.containsExactly("INSERT INTO cars (id, make, colour) VALUES (1, 'O''Brien Motors', 'red')");
		assertThat(plan.isValidated()).isEqualTo(validates());
		assertThat(plan.toScript()).contains("-- 2: Add colour", "ALTER TABLE cars ADD COLUMN colour VARCHAR(20);");
		assertThat(history()).isEqualTo(historyBefore);
		assertThat(columnsOfCars()).containsExactlyInAnyOrder("id", "make");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM cars", Integer.class)).isZero();
		assertThat(migrator.info().pending()).hasSize(2);
	}

	@Test
	void plansTheDownOfARollback() {
		Migrator migrator = migrator(new CreateCars(), new AddColour());
		migrator.migrate();

		PlanResult plan = migrator.planRollback(2);

		assertThat(plan.direction()).isEqualTo(Direction.DOWN);
		assertThat(plan.migrations()).extracting(PlannedMigration::statements)
			.containsExactly(List.of("ALTER TABLE cars DROP COLUMN colour"), List.of("DROP TABLE cars"));
		assertThat(columnsOfCars()).containsExactlyInAnyOrder("id", "make", "colour");
		assertThat(migrator.info().pending()).isEmpty();
		assertThat(migrator.planRollbackTo("1").migrations()).extracting((m) -> m.version().toString())
			.containsExactly("2");
	}

	@Test
	void nothingPendingPlansNothing() {
		Migrator migrator = migrator(new CreateCars());
		migrator.migrate();

		assertThat(migrator.plan().migrations()).isEmpty();
		assertThat(migrator.plan().toScript()).contains("-- nothing to do");
	}

	@Test
	void aMigrationThatFailsAgainstTheSchemaFailsThePlanWhereDdlIsTransactional() {
		migrator(new CreateCars()).migrate();
		Migrator migrator = migrator(new CreateCars(), new AddColour(), new BrokenIndex());

		if (validates()) {
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::plan)
				.withMessageContaining("Plan failed: migration 4")
				.withMessageContaining("brokenIndex")
				.withMessageContaining("Nothing was changed");
		}
		else {
			PlanResult plan = migrator.plan();
			assertThat(plan.migrations()).hasSize(2);
			assertThat(plan.migrations().get(1).note()).contains("not validated");
		}
		assertThat(columnsOfCars()).containsExactlyInAnyOrder("id", "make");
		assertThat(migrator.info().pending()).hasSize(2);
	}

	private List<Map<String, Object>> history() {
		return this.jdbc.queryForList("SELECT * FROM migrate_history ORDER BY installed_rank");
	}

	private List<String> columnsOfCars() {
		return this.jdbc.query("SELECT * FROM cars WHERE 1 = 0", (rs) -> {
			List<String> names = new java.util.ArrayList<>();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				names.add(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
			}
			return names;
		});
	}

	@Migration(version = "1")
	public static class CreateCars {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE cars (id INT PRIMARY KEY, make VARCHAR(50))");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE cars");
		}

	}

	@Migration(version = "2")
	public static class AddColour {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE cars ADD COLUMN colour VARCHAR(20)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE cars DROP COLUMN colour");
		}

	}

	@Migration(version = "3")
	public static class SeedCar {

		public void up(JdbcClient jdbc) {
			jdbc.sql("INSERT INTO cars (id, make, colour) VALUES (?, ?, ?)")
				.params(1, "O'Brien Motors", "red")
				.update();
		}

		public void down(JdbcClient jdbc) {
			jdbc.sql("DELETE FROM cars WHERE id = ?").param(1).update();
		}

	}

	@Migration(version = "4")
	public static class BrokenIndex {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE INDEX cars_missing_idx ON cars (no_such_column)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP INDEX cars_missing_idx");
		}

	}

}
