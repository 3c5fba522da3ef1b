package dev.migrate.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.generate.EntityModel;
import dev.migrate.generate.GeneratedMigration;
import dev.migrate.generate.MigrationGenerator;
import dev.migrate.generate.SchemaComparator;
import dev.migrate.generate.SchemaDifference;
import dev.migrate.resolver.ResolvedMigration;
import dev.migrate.schema.SchemaSnapshot;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.ManagedType;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

/**
 * Catches JPA entities that drifted from the migrations: applies every migration to an
 * empty test database, compares the result with the mapping Hibernate builds for the
 * entities, and fails listing every difference, with the source of the migration that
 * would close the gap in the message and written under {@code target/migrate-drift}.
 *
 * <pre class="code">
 * DriftCheck.of(dataSource, List.of(new CreateUsersTable()), List.of(User.class)).check();
 * </pre>
 *
 * In a Spring Boot test, {@link dev.migrate.test.junit.DriftTest @DriftTest} hands the
 * test a check built from the application context with {@link #of(ApplicationContext)}.
 *
 * @since 0.1.0
 */
public final class DriftCheck {

	private final DataSource dataSource;

	private final @Nullable Collection<?> migrations;

	private final @Nullable Map<String, ?> namedMigrations;

	private final Collection<Class<?>> entityClasses;

	private Map<String, Object> hibernateSettings = Map.of();

	private String historyTable = "migrate_history";

	private @Nullable String historySchema;

	private @Nullable String schema;

	private Path outputDirectory = Path.of("target", "migrate-drift");

	private DriftCheck(DataSource dataSource, @Nullable Collection<?> migrations,
			@Nullable Map<String, ?> namedMigrations, Collection<Class<?>> entityClasses) {
		this.dataSource = dataSource;
		this.migrations = migrations;
		this.namedMigrations = namedMigrations;
		this.entityClasses = List.copyOf(entityClasses);
	}

	/**
	 * Check migrations against entity classes.
	 * @param dataSource an empty database, on which the migrations are applied
	 * @param migrations the {@link dev.migrate.Migration @Migration} objects
	 * @param entityClasses the entity, embeddable and mapped superclass classes
	 * @return the check, to configure further and then {@link #check()}
	 */
	public static DriftCheck of(DataSource dataSource, Collection<?> migrations, Collection<Class<?>> entityClasses) {
		Assert.notNull(dataSource, "'dataSource' must not be null");
		Assert.notNull(migrations, "'migrations' must not be null");
		Assert.notEmpty(entityClasses, "'entityClasses' must not be empty");
		return new DriftCheck(dataSource, migrations, null, entityClasses);
	}

	/**
	 * Check the {@link dev.migrate.Migration @Migration} beans of an application context
	 * against the entities of its {@code EntityManagerFactory}, on its
	 * {@code DataSource}, with the naming strategies the factory was built with. The
	 * migrations must not have run at start-up (set {@code migrate.enabled=false}, as
	 * {@link dev.migrate.test.junit.DriftTest @DriftTest} does).
	 * @param context the application context
	 * @return the check
	 * @throws IllegalStateException if the context has no single {@code DataSource} or
	 * {@code EntityManagerFactory}
	 */
	public static DriftCheck of(ApplicationContext context) {
		Assert.notNull(context, "'context' must not be null");
		DataSource dataSource = single(context, DataSource.class);
		EntityManagerFactory entityManagerFactory = single(context, EntityManagerFactory.class);
		Set<Class<?>> classes = new LinkedHashSet<>();
		for (ManagedType<?> type : entityManagerFactory.getMetamodel().getManagedTypes()) {
			if (type.getJavaType() != null && type.getJavaType() != Map.class) {
				classes.add(type.getJavaType());
			}
		}
		Map<String, Object> settings = new HashMap<>();
		entityManagerFactory.getProperties().forEach((key, value) -> {
			if (key.startsWith("hibernate.") && (key.contains("naming") || key.contains("globally_quoted")
					|| key.startsWith("hibernate.type") || key.contains("default_schema"))) {
				settings.put(key, value);
			}
		});
		Environment environment = context.getEnvironment();
		DriftCheck check = new DriftCheck(dataSource, null, ContextMigrations.of(context), classes);
		check.hibernateSettings = settings;
		check.historyTable = environment.getProperty("migrate.table", "migrate_history");
		check.historySchema = environment.getProperty("migrate.schema");
		return check;
	}

	private static <T> T single(ApplicationContext context, Class<T> type) {
		try {
			return context.getBean(type);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new IllegalStateException("Cannot check " + context.getDisplayName() + " for drift: it has no single "
					+ type.getSimpleName() + " bean (" + ex.getMessage()
					+ "). Build the check with DriftCheck.of(dataSource, migrations, entityClasses).", ex);
		}
	}

	/**
	 * Hibernate settings to build the entities' mapping with, such as the naming
	 * strategies your application uses.
	 * @param settings the settings
	 * @return this check
	 */
	public DriftCheck hibernateSettings(Map<String, Object> settings) {
		Assert.notNull(settings, "'settings' must not be null");
		this.hibernateSettings = Map.copyOf(settings);
		return this;
	}

	/**
	 * The schema the migrations create their objects in. Default: the connection's
	 * current one.
	 * @param schema the schema, or {@code null}
	 * @return this check
	 */
	public DriftCheck schema(@Nullable String schema) {
		this.schema = schema;
		return this;
	}

	/**
	 * Where migrate's history table is, when not the default.
	 * @param table the history table name
	 * @param schema its schema, or {@code null}
	 * @return this check
	 */
	public DriftCheck historyTable(String table, @Nullable String schema) {
		Assert.hasText(table, "'table' must not be empty");
		this.historyTable = table;
		this.historySchema = schema;
		return this;
	}

	/**
	 * Where the proposed migration is written when the check fails. Default
	 * {@code target/migrate-drift}.
	 * @param outputDirectory the directory
	 * @return this check
	 */
	public DriftCheck outputDirectory(Path outputDirectory) {
		Assert.notNull(outputDirectory, "'outputDirectory' must not be null");
		this.outputDirectory = outputDirectory;
		return this;
	}

	/**
	 * Apply the pending migrations and list how the database differs from the entities.
	 * @return the differences, empty when the migrations match the entities
	 */
	public List<SchemaDifference> differences() {
		return run().differences();
	}

	/**
	 * Apply the pending migrations and fail if the database differs from the entities.
	 * @throws DriftError listing every difference, with the proposed migration
	 */
	public void check() {
		GeneratedMigration proposed = run();
		if (proposed.differences().isEmpty()) {
			return;
		}
		Path written = null;
		String problem = null;
		try {
			Files.createDirectories(this.outputDirectory);
			written = this.outputDirectory.resolve(proposed.className() + ".java");
			Files.writeString(written, proposed.source());
		}
		catch (IOException ex) {
			problem = ex.getMessage();
		}
		throw new DriftError(proposed, written, problem);
	}

	private GeneratedMigration run() {
		Migrator.Builder builder = Migrator.builder(this.dataSource)
			.schema(this.historySchema)
			.table(this.historyTable);
		Migrator migrator = ((this.migrations != null) ? builder.migrations(this.migrations)
				: builder.migrations(Objects.requireNonNull(this.namedMigrations)))
			.build();
		migrator.migrate();
		List<String> excluded = new ArrayList<>(SchemaSnapshot.DEFAULT_EXCLUDED_TABLES);
		excluded.add(this.historyTable);
		excluded.add(this.historyTable + "_lock");
		try (EntityModel model = EntityModel.of(this.dataSource, this.entityClasses, this.hibernateSettings)) {
			List<SchemaDifference> differences = SchemaComparator.compare(model.metadata(), this.dataSource,
					this.schema, excluded);
			String version = MigrationGenerator
				.nextVersion(migrator.getMigrations().stream().map(ResolvedMigration::version).toList());
			String packageName = migrator.getMigrations()
				.stream()
				.reduce((first, second) -> second)
				.map((migration) -> migration.beanClass().getPackageName())
				.orElse("");
			return MigrationGenerator.generate(differences, packageName, "DriftMigration", version);
		}
	}

}
