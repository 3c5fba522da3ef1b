package dev.migrate.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.migrate.schema.SchemaDiff;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.MigrateDefaults;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.OperationResult;
import dev.migrate.OperationResult.Action;
import dev.migrate.Version;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.Dialects;
import dev.migrate.resolver.ResolvedMigration;
import dev.migrate.test.ReversibilityError.Problem;
import dev.migrate.test.ReversibilityReport.VerifiedMigration;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.util.Assert;

/**
 * Proves that every migration's {@code down} undoes its {@code up}. On a database where
 * no migration is applied yet, it walks the migrations in version order and, for each:
 * <ol>
 * <li>takes a {@link SchemaSnapshot snapshot} S0 and runs {@code up}, then takes S1;</li>
 * <li>runs {@code down}: the schema must equal S0 again;</li>
 * <li>runs {@code up} again: the schema must equal S1 again.</li>
 * </ol>
 * The first mismatch throws a {@link ReversibilityError} naming the migration's version
 * and bean and listing the differences. {@code up} and {@code down} run through the
 * {@link Migrator}, so the history table stays consistent and the database ends fully
 * migrated.
 *
 * <pre class="code">
 * ReversibilityVerifier.of(dataSource, List.of(new CreateUsers(), new AddEmailIndex()))
 *     .allowIrreversible("3")
 *     .checkRows("users")
 *     .sampleData("1", (jdbc) -&gt; jdbc.update("INSERT INTO users (id, name) VALUES (1, 'Ada')"))
 *     .verify();
 * </pre>
 *
 * Migrations without {@code down} fail the verification unless allowed with
 * {@link #allowIrreversible(String...)} or {@link #allowAllIrreversible()}; allowed ones
 * only run {@code up}. With {@link #checkRows(String...)}, the rows of the named tables
 * must also survive {@code up} then {@code down}, and come out of the second {@code up}
 * as out of the first; {@link #sampleData(String, Consumer)} puts rows there to check.
 *
 * <p>
 * For Spring tests, {@link #of(ApplicationContext)} takes the context's
 * {@link Migration @Migration} beans and data source; see also
 * {@link dev.migrate.test.junit.ReversibilityTest @ReversibilityTest}. Needs no Spring
 * Boot and no test framework.
 *
 * @since 0.1.0
 */
public final class ReversibilityVerifier {

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

	private final DataSource dataSource;

	private final Map<String, ?> namedMigrations;

	private final @Nullable Collection<?> migrations;

	private @Nullable String schema;

	private String historyTable = "migrate_history";

	private List<String> locations = List.of();

	private @Nullable String historySchema;

	private final Set<String> allowedIrreversible = new LinkedHashSet<>();

	private boolean allIrreversibleAllowed;

	private final Set<String> checkedTables = new LinkedHashSet<>();

	private final Map<String, List<Consumer<JdbcTemplate>>> sampleData = new LinkedHashMap<>();

	private final Set<String> otherSchemas = new LinkedHashSet<>();

	private boolean followNewSchemas = true;

	private ReversibilityVerifier(DataSource dataSource, Map<String, ?> namedMigrations,
			@Nullable Collection<?> migrations) {
		this.dataSource = dataSource;
		this.namedMigrations = namedMigrations;
		this.migrations = migrations;
	}

	/**
	 * Verify migration beans, each named after its class.
	 * @param dataSource a data source for an empty database
	 * @param migrations objects annotated with {@link Migration @Migration}
	 * @return the verifier, to configure further and then {@link #verify()}
	 */
	public static ReversibilityVerifier of(DataSource dataSource, Collection<?> migrations) {
		Assert.notNull(dataSource, "'dataSource' must not be null");
		Assert.notNull(migrations, "'migrations' must not be null");
		return new ReversibilityVerifier(dataSource, Map.of(), List.copyOf(migrations));
	}

	/**
	 * Verify migration beans with their bean names.
	 * @param dataSource a data source for an empty database
	 * @param migrations objects annotated with {@link Migration @Migration}, by bean name
	 * @return the verifier, to configure further and then {@link #verify()}
	 */
	public static ReversibilityVerifier of(DataSource dataSource, Map<String, ?> migrations) {
		Assert.notNull(dataSource, "'dataSource' must not be null");
		Assert.notNull(migrations, "'migrations' must not be null");
		return new ReversibilityVerifier(dataSource, new LinkedHashMap<>(migrations), null);
	}

	/**
	 * Verify the {@link Migration @Migration} beans of an application context against its
	 * {@link DataSource} bean. The migrations must not have run at startup: in a Spring
	 * Boot test set {@code migrate.enabled=false}, as
	 * {@link dev.migrate.test.junit.ReversibilityTest @ReversibilityTest} does.
	 * @param context the application context
	 * @return the verifier, to configure further and then {@link #verify()}
	 * @throws IllegalStateException if the context has no single or primary
	 * {@code DataSource}
	 */
	public static ReversibilityVerifier of(ApplicationContext context) {
		Assert.notNull(context, "'context' must not be null");
		DataSource dataSource;
		try {
			dataSource = context.getBean(DataSource.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new IllegalStateException("Cannot verify the migrations of " + context.getDisplayName()
					+ ": it has no single or primary DataSource bean (" + ex.getMessage()
					+ "). Define one, or build the verifier with ReversibilityVerifier.of(dataSource, migrations).",
					ex);
		}
		Environment environment = context.getEnvironment();
		return of(dataSource, ContextMigrations.of(context))
			.historyTable(environment.getProperty("migrate.table", "migrate_history"))
			.historySchema(environment.getProperty("migrate.schema"))
			.locations(locations(environment).toArray(String[]::new));
	}

	/**
	 * The schema to compare, where the migrations create their objects. Default: the
	 * connection's current schema, which is where unqualified names go.
	 * @param schema the schema (for MySQL and MariaDB: the database), or {@code null}
	 * @return this verifier
	 */
	public ReversibilityVerifier schema(@Nullable String schema) {
		this.schema = schema;
		return this;
	}

	/**
	 * Also compare these schemas (for MySQL and MariaDB: databases), in full, before and
	 * after every step: for migrations that create or drop objects in a schema that
	 * exists before they run, such as {@code public} or a shared {@code reporting}
	 * schema. Objects there are named with the schema in the differences. Schemas the
	 * migrations create are followed without being named here (see
	 * {@link #followNewSchemas(boolean)}).
	 * @param schemas the schema names, as written in the migrations
	 * @return this verifier
	 */
	public ReversibilityVerifier schemas(String... schemas) {
		Assert.notNull(schemas, "'schemas' must not be null");
		for (String schema : schemas) {
			Assert.hasText(schema, "'schemas' must not contain empty names");
			this.otherSchemas.add(schema);
		}
		return this;
	}

	/**
	 * Whether to follow the schemas that a migration's {@code up} creates or drops: a
	 * schema it creates must be gone after its {@code down}, and from then on is compared
	 * in full like the main one; a schema it drops must be back. On by default. A schema
	 * counts as the migration's when it appears (or disappears) while {@code up} runs and
	 * {@code up}'s SQL names it, so that schemas other processes create or drop on the
	 * same server at the same moment are not blamed on the migration. A schema created
	 * without its name in the SQL (by a stored procedure, or through another data source)
	 * is not followed: name it with {@link #schemas(String...)}.
	 * @param followNewSchemas whether to follow new schemas
	 * @return this verifier
	 */
	public ReversibilityVerifier followNewSchemas(boolean followNewSchemas) {
		this.followNewSchemas = followNewSchemas;
		return this;
	}

	/**
	 * Where the application keeps migrations written as SQL files
	 * ({@code migrate.locations}), to verify them with the beans.
	 * {@link #of(ApplicationContext)} reads the property (default
	 * {@code classpath:db/migration}); otherwise none.
	 * @param locations Spring resource locations of folders
	 * @return this verifier
	 */
	public ReversibilityVerifier locations(String... locations) {
		this.locations = List.of(locations);
		return this;
	}

	private static List<String> locations(Environment environment) {
		String[] listed = environment.getProperty("migrate.locations", String[].class);
		if (listed != null) {
			return List.of(listed);
		}
		List<String> indexed = new ArrayList<>();
		for (int i = 0; environment.containsProperty("migrate.locations[" + i + "]"); i++) {
			indexed.add(environment.getRequiredProperty("migrate.locations[" + i + "]"));
		}
		return indexed.isEmpty() ? List.of(MigrateDefaults.SQL_LOCATION) : indexed;
	}

	/**
	 * Name of migrate's history table, when the application changes it
	 * ({@code migrate.table}). Default {@code migrate_history}. It and its lock table are
	 * left out of the snapshots.
	 * @param historyTable the table name
	 * @return this verifier
	 */
	public ReversibilityVerifier historyTable(String historyTable) {
		Assert.hasText(historyTable, "'historyTable' must not be empty");
		this.historyTable = historyTable;
		return this;
	}

	/**
	 * Schema of migrate's history table, when the application changes it
	 * ({@code migrate.schema}). Default: the connection's current schema.
	 * @param historySchema the schema, or {@code null}
	 * @return this verifier
	 */
	public ReversibilityVerifier historySchema(@Nullable String historySchema) {
		this.historySchema = historySchema;
		return this;
	}

	/**
	 * Allow migrations without a {@code down} method: only their {@code up} runs, and the
	 * report lists them as irreversible. Each version must belong to a migration.
	 * @param versions the versions, such as {@code "3"}
	 * @return this verifier
	 */
	public ReversibilityVerifier allowIrreversible(String... versions) {
		Assert.notNull(versions, "'versions' must not be null");
		this.allowedIrreversible.addAll(Arrays.asList(versions));
		return this;
	}

	/**
	 * Allow every migration without a {@code down} method.
	 * @return this verifier
	 * @see #allowIrreversible(String...)
	 */
	public ReversibilityVerifier allowAllIrreversible() {
		this.allIrreversibleAllowed = true;
		return this;
	}

	/**
	 * Also compare the rows of these tables: rows present before a migration's {@code up}
	 * must be there, unchanged, after its {@code down}, and its second {@code up} must
	 * leave the same rows as the first. Tables are checked from the migration after the
	 * one that creates them. Seed rows with {@link #sampleData(String, Consumer)}.
	 * @param tables plain table names
	 * @return this verifier
	 */
	public ReversibilityVerifier checkRows(String... tables) {
		Assert.notNull(tables, "'tables' must not be null");
		for (String table : tables) {
			Assert.isTrue(table != null && PLAIN_IDENTIFIER.matcher(table).matches(),
					() -> "checkRows takes plain table names (letters, digits, underscores), not '" + table + "'");
			this.checkedTables.add(table);
		}
		return this;
	}

	/**
	 * Insert sample rows once a migration is applied and verified, so that later
	 * migrations run against data. Combine with {@link #checkRows(String...)} to prove
	 * those rows survive.
	 * @param afterVersion the version after which to insert
	 * @param insert what to insert, given a {@link JdbcTemplate} on the data source
	 * @return this verifier
	 */
	public ReversibilityVerifier sampleData(String afterVersion, Consumer<JdbcTemplate> insert) {
		Assert.hasText(afterVersion, "'afterVersion' must not be empty");
		Assert.notNull(insert, "'insert' must not be null");
		this.sampleData.computeIfAbsent(afterVersion, (key) -> new ArrayList<>()).add(insert);
		return this;
	}

	/**
	 * Walk every migration up, down and up again, comparing the schema (and the checked
	 * rows) at each step. The database ends with every migration applied.
	 * @return what was verified
	 * @throws ReversibilityError for the first migration that is not reversible, or
	 * irreversible without being allowed
	 * @throws IllegalStateException if a migration is already applied in the database
	 * @throws IllegalArgumentException if an allowed or sample-data version has no
	 * migration, or a checked table never exists
	 */
	public ReversibilityReport verify() {
		StatementRecorder recorder = new StatementRecorder();
		Migrator.Builder builder = Migrator.builder(recorder.wrap(this.dataSource))
			.schema(this.historySchema)
			.table(this.historyTable)
			.locations(this.locations, null);
		Migrator migrator = ((this.migrations != null) ? builder.migrations(this.migrations)
				: builder.migrations(this.namedMigrations))
			.build();
		List<ResolvedMigration> resolved = migrator.getMigrations();
		Map<Version, List<Consumer<JdbcTemplate>>> samples = checkSettings(resolved);
		requireNothingApplied(migrator);
		List<String> excluded = List.of(this.historyTable, this.historyTable + "_lock");
		Set<String> seenTables = new LinkedHashSet<>();
		List<VerifiedMigration> verified = new ArrayList<>();
		Set<String> notChecked = new LinkedHashSet<>();
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		Set<String> scope = new LinkedHashSet<>(storedNames(this.otherSchemas));
		Set<String> ignored = new LinkedHashSet<>();
		if (this.historySchema != null) {
			ignored.addAll(storedNames(List.of(this.historySchema)));
		}
		for (ResolvedMigration migration : resolved) {
			SchemaSnapshot before = SchemaSnapshot.of(this.dataSource, this.schema, excluded, scope);
			notChecked.addAll(before.notChecked());
			TableRows rowsBefore = rows(before);
			Set<String> schemasBefore = schemaNames();
			recorder.start();
			try {
				apply(migrator, migration, "first up");
			}
			finally {
				recorder.stop();
			}
			Set<String> schemasAfter = schemaNames();
			// Schemas that up created are its own from now on; schemas it dropped must
			// come back. Only those its statements name: others come and go with other
			// processes on the same server.
			Set<String> created = new TreeSet<>(schemasAfter);
			created.removeAll(schemasBefore);
			created.removeAll(ignored);
			created.removeIf((name) -> !recorder.mentions(name));
			Set<String> dropped = new TreeSet<>(schemasBefore);
			dropped.removeAll(schemasAfter);
			dropped.removeAll(scope);
			dropped.removeIf((name) -> !recorder.mentions(name));
			scope.addAll(created);
			SchemaSnapshot after = SchemaSnapshot.of(this.dataSource, this.schema, excluded, scope);
			notChecked.addAll(after.notChecked());
			seenTables.addAll(after.tableNames());
			TableRows rowsAfter = rows(after);
			if (migration.isReversible()) {
				rollBack(migrator, migration);
				SchemaSnapshot restored = SchemaSnapshot.of(this.dataSource, this.schema, excluded, scope);
				List<String> schemaDifferences = new ArrayList<>(before.diff(restored).lines());
				if (!dropped.isEmpty()) {
					Set<String> schemasRestored = schemaNames();
					dropped.stream()
						.filter((name) -> !schemasRestored.contains(name))
						.forEach((name) -> schemaDifferences.add("schema " + name + " is missing"));
				}
				if (!schemaDifferences.isEmpty()) {
					throw error(migration, Problem.SCHEMA_NOT_RESTORED,
							"is not reversible: after its up and down, the" + " schema differs from before its up",
							schemaDifferences, "Make down undo everything up does, and nothing else.", notChecked);
				}
				List<String> lostRows = rowsBefore.diff(rows(restored), SchemaDiff.STILL_THERE);
				if (!lostRows.isEmpty()) {
					throw error(migration, Problem.ROWS_NOT_RESTORED,
							"does not restore the data: after its up and"
									+ " down, the rows of checked tables differ from before its up",
							lostRows,
							"Make down restore the rows up changed, or stop checking the table with checkRows.",
							notChecked);
				}
				apply(migrator, migration, "second up");
				SchemaSnapshot reapplied = SchemaSnapshot.of(this.dataSource, this.schema, excluded, scope);
				List<String> differences = new ArrayList<>(SchemaDiff.between(after, reapplied, "is new").lines());
				differences.addAll(rowsAfter.diff(rows(reapplied), "is new"));
				if (!differences.isEmpty()) {
					throw error(migration, Problem.SECOND_UP_DIFFERS,
							"does not apply the same way twice: after up, down"
									+ " and up again, the database differs from after its first up",
							differences,
							"Make up depend only on the schema it runs on, and down undo all of it (seed rows and"
									+ " sequence values included).",
							notChecked);
				}
			}
			verified.add(new VerifiedMigration(migration.version().toString(), migration.description(),
					migration.beanName(), migration.isReversible()));
			for (Consumer<JdbcTemplate> insert : samples.getOrDefault(migration.version(), List.of())) {
				insert.accept(jdbc);
			}
		}
		for (String table : this.checkedTables) {
			if (seenTables.stream().noneMatch(table::equalsIgnoreCase)) {
				throw new IllegalArgumentException("checkRows names table '" + table
						+ "', but no migration created it, so its rows were never checked. Tables seen: "
						+ (seenTables.isEmpty() ? "none" : String.join(", ", seenTables)) + ".");
			}
		}
		return new ReversibilityReport(List.copyOf(verified), migrator.getDialect().name(), List.copyOf(notChecked));
	}

	private Map<Version, List<Consumer<JdbcTemplate>>> checkSettings(List<ResolvedMigration> resolved) {
		Set<Version> known = resolved.stream().map(ResolvedMigration::version).collect(Collectors.toSet());
		String knownText = resolved.isEmpty() ? "none"
				: resolved.stream()
					.map((migration) -> migration.version().toString())
					.collect(Collectors.joining(", "));
		for (String version : this.allowedIrreversible) {
			if (!known.contains(parse(version, "allowIrreversible"))) {
				throw new IllegalArgumentException("allowIrreversible names version " + version
						+ ", but no migration has it. Known versions: " + knownText + ".");
			}
		}
		Map<Version, List<Consumer<JdbcTemplate>>> samples = new LinkedHashMap<>();
		this.sampleData.forEach((version, inserts) -> {
			Version parsed = parse(version, "sampleData");
			if (!known.contains(parsed)) {
				throw new IllegalArgumentException("sampleData names version " + version
						+ ", but no migration has it. Known versions: " + knownText + ".");
			}
			samples.computeIfAbsent(parsed, (key) -> new ArrayList<>()).addAll(inserts);
		});
		if (!this.allIrreversibleAllowed) {
			Set<Version> allowed = this.allowedIrreversible.stream()
				.map((version) -> parse(version, "allowIrreversible"))
				.collect(Collectors.toSet());
			List<ResolvedMigration> irreversible = resolved.stream()
				.filter((migration) -> !migration.isReversible() && !allowed.contains(migration.version()))
				.toList();
			if (!irreversible.isEmpty()) {
				ResolvedMigration first = irreversible.get(0);
				String versions = irreversible.stream()
					.map((migration) -> "\"" + migration.version() + "\"")
					.collect(Collectors.joining(", "));
				throw new ReversibilityError("Irreversible: "
						+ irreversible.stream().map(ResolvedMigration::describe).collect(Collectors.joining(", "))
						+ ((irreversible.size() == 1) ? " has" : " have") + " no down method, so rollback cannot undo "
						+ ((irreversible.size() == 1) ? "it" : "them")
						+ ". Add a 'public void down(...)' that undoes up, or allow it in the test with"
						+ " allowIrreversible(" + versions + "). Nothing was run.", Problem.IRREVERSIBLE,
						first.version().toString(), first.beanName(), List.of(), null);
			}
		}
		return samples;
	}

	private static Version parse(String version, String setting) {
		String problem = Version.problemWith(version);
		if (problem != null) {
			throw new IllegalArgumentException(setting + " names an invalid version: " + problem);
		}
		return Version.parse(version);
	}

	private void requireNothingApplied(Migrator migrator) {
		Version current = migrator.info().currentVersion();
		if (current != null) {
			throw new IllegalStateException("The reversibility verifier needs a database where no migration is applied"
					+ " yet, but " + this.historyTable + " says version " + current
					+ " is. Point it at an empty database; in a Spring Boot test keep migrate from running at startup"
					+ " with migrate.enabled=false (@ReversibilityTest does).");
		}
	}

	/**
	 * The schemas the account sees, or none when not following new schemas.
	 */
	private Set<String> schemaNames() {
		return this.followNewSchemas ? SchemaSnapshot.schemaNames(this.dataSource) : Set.of();
	}

	/**
	 * Schema names as the database stores them, so that they match the catalog's.
	 */
	private List<String> storedNames(Collection<String> names) {
		if (names.isEmpty()) {
			return List.of();
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			Dialect dialect = Dialects.forMetaData(connection.getMetaData());
			List<String> stored = new ArrayList<>();
			for (String name : names) {
				@Nullable String[] scope = dialect.metaDataScope(connection, name);
				stored.add(Objects.requireNonNull((scope[1] != null) ? scope[1] : scope[0]));
			}
			return stored;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not resolve the schemas " + names + ": " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private TableRows rows(SchemaSnapshot snapshot) {
		return TableRows.read(this.dataSource, this.schema, this.checkedTables, snapshot);
	}

	private static void apply(Migrator migrator, ResolvedMigration migration, String step) {
		OperationResult result = run(() -> migrator.migrate(migration.version().toString()), migration, step);
		expect(result, migration, Action.APPLIED, step);
	}

	private static void rollBack(Migrator migrator, ResolvedMigration migration) {
		OperationResult result = run(() -> migrator.rollback(1), migration, "down");
		expect(result, migration, Action.ROLLED_BACK, "down");
	}

	private static OperationResult run(Supplier<OperationResult> operation, ResolvedMigration migration, String step) {
		try {
			return operation.get();
		}
		catch (RuntimeException ex) {
			throw error(migration, Problem.MIGRATION_FAILED, "failed in its " + step + ": " + ex.getMessage(),
					List.of(),
					(step.equals("second up"))
							? "Its first up worked: down probably left something behind that up then trips over."
							: "Fix the migration, then run the verification again.",
					ex);
		}
	}

	private static void expect(OperationResult result, ResolvedMigration migration, Action action, String step) {
		boolean done = result.executions()
			.stream()
			.anyMatch((execution) -> execution.version().equals(migration.version()) && execution.action() == action);
		if (!done || result.executions().size() != 1) {
			throw new IllegalStateException("Expected the " + step + " of " + migration.describe()
					+ " to be the only thing the engine did, but it reported " + result.executions());
		}
	}

	private static ReversibilityError error(ResolvedMigration migration, Problem problem, String what,
			List<String> differences, String advice, Collection<String> notChecked) {
		StringBuilder fullAdvice = new StringBuilder(advice);
		notChecked.forEach((category) -> fullAdvice.append("\nNot checked: ").append(category));
		return error(migration, problem, what, differences, fullAdvice.toString(), (Throwable) null);
	}

	private static ReversibilityError error(ResolvedMigration migration, Problem problem, String what,
			List<String> differences, String advice, @Nullable Throwable cause) {
		String describe = migration.describe();
		StringBuilder message = new StringBuilder(describe.substring(0, 1).toUpperCase(Locale.ROOT))
			.append(describe.substring(1))
			.append(' ')
			.append(what)
			.append(differences.isEmpty() ? (what.endsWith(".") ? "" : ".") : ":");
		differences.forEach((line) -> message.append("\n  ").append(line));
		message.append("\n").append(advice);
		return new ReversibilityError(message.toString(), problem, migration.version().toString(), migration.beanName(),
				differences, cause);
	}

}
