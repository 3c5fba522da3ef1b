package dev.migrate.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.migrate.Migration;
import dev.migrate.index.MigrationIndex;
import dev.migrate.testsupport.IndexClassLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations a verifier takes from a context: its beans, and the indexed ones that
 * are not beans (the starter's {@code migrate.index.enabled}, which supplies their
 * index), created with their dependencies.
 */
class ContextMigrationsTests {

	@TempDir
	Path directory;

	@Test
	void takesTheBeansAndTheIndexedMigrationsThatAreNotBeansWhenTheIndexIsUsed() throws IOException {
		try (GenericApplicationContext context = context(true)) {
			Map<String, Object> migrations = ContextMigrations.of(context);

			assertThat(migrations).containsOnlyKeys("createParcels", "addParcelWeight");
			assertThat(migrations.get("createParcels")).isSameAs(context.getBean(CreateParcels.class));
			assertThat(migrations.get("addParcelWeight")).isInstanceOfSatisfying(AddParcelWeight.class,
					(migration) -> assertThat(migration.environment).isSameAs(context.getEnvironment()));
		}
	}

	@Test
	void takesOnlyTheBeansWhenTheIndexIsNotUsed() throws IOException {
		try (GenericApplicationContext context = context(false)) {
			assertThat(ContextMigrations.of(context)).containsOnlyKeys("createParcels");
		}
	}

	private GenericApplicationContext context(boolean indexEnabled) throws IOException {
		Path index = this.directory.resolve("migrations.index");
		Files.writeString(index, "# migrate index of @Migration classes, format 2\n" + CreateParcels.class.getName()
				+ "\t1\t\tDEFAULT\t\t\tYES\t\n" + AddParcelWeight.class.getName() + "\t2\t\tDEFAULT\t\t\tYES\t\n",
				StandardCharsets.UTF_8);
		IndexClassLoader classLoader = new IndexClassLoader(ContextMigrationsTests.class.getClassLoader(),
				index.toUri().toURL());
		GenericApplicationContext context = new GenericApplicationContext();
		context.setClassLoader(classLoader);
		if (indexEnabled) {
			// What the starter registers: the index of the migrations scanning left out.
			MigrationIndex read = MigrationIndex.read(classLoader);
			assertThat(read).isNotNull();
			context.getBeanFactory()
				.registerSingleton("migrationIndexExcludeFilter",
						new ScannedOut(read.only(Set.of(AddParcelWeight.class.getName()))));
		}
		context.registerBean("createParcels", CreateParcels.class);
		context.refresh();
		return context;
	}

	/**
	 * Supplies the index of the migrations that scanning left out, as the starter does.
	 */
	record ScannedOut(MigrationIndex index) implements Supplier<MigrationIndex> {

		@Override
		public MigrationIndex get() {
			return this.index;
		}

	}

	@Migration(version = "1")
	public static class CreateParcels {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE parcels (id INT PRIMARY KEY)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE parcels");
		}

	}

	@Migration(version = "2")
	public static class AddParcelWeight {

		final Environment environment;

		public AddParcelWeight(Environment environment) {
			this.environment = environment;
		}

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE parcels ADD COLUMN weight INT");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE parcels DROP COLUMN weight");
		}

	}

}
