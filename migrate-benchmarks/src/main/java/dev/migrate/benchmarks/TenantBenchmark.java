package dev.migrate.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.Migrator;
import dev.migrate.tenant.Tenant;
import dev.migrate.tenant.TenantMigrationResult;
import dev.migrate.tenant.TenantMigrator;
import dev.migrate.tenant.TenantSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema-per-tenant on PostgreSQL: T tenant schemas times M migrations, applied by
 * migrate's {@link TenantMigrator} with parallelism 1, 2 and 4, and the start with
 * nothing pending, next to the loop applications write today: Flyway's Java API called
 * once per schema, one schema after the other. Every variant starts from no tenant schema
 * and its schemas are dropped afterwards; the nothing-pending start builds the tenant
 * migrator (or the Flyway instances) anew, as an application start does.
 *
 * <pre>
 * java -cp migrate-benchmarks/target/migrate-benchmarks.jar dev.migrate.benchmarks.TenantBenchmark
 *     [--tenants=1000] [--migrations=10] [--scaling=250,500] [--output=file.md]
 * </pre>
 */
public final class TenantBenchmark {

	private static final int POOL_SIZE = 16;

	private static final int NOTHING_PENDING_RUNS = 3;

	private TenantBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("tenants", "1000");
		options.put("migrations", "10");
		options.put("scaling", "250,500");
		options.put("output", "tenant-benchmark-results.md");
		for (String arg : args) {
			int equals = arg.indexOf('=');
			String name = (arg.startsWith("--") && equals > 0) ? arg.substring(2, equals) : null;
			if (name == null || !options.containsKey(name)) {
				throw new IllegalArgumentException("Unknown argument '" + arg + "'; known: " + options.keySet());
			}
			options.put(name, arg.substring(equals + 1));
		}
		int tenants = Integer.parseInt(options.get("tenants"));
		int migrations = Integer.parseInt(options.get("migrations"));
		double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		long started = System.nanoTime();
		List<String> rows = new ArrayList<>();
		String describe;
		try (Database.Postgres postgres = Database.Postgres.start()) {
			describe = postgres.describe();
			Database.Target target = postgres.create();
			try (HikariDataSource pool = pool(target)) {
				Map<String, Object> beans = Workload.migrateBeans(migrations);
				for (int parallelism : new int[] { 1, 2, 4 }) {
					String prefix = prefix();
					double apply = time(() -> migrateTenants(pool, beans, names(prefix, tenants), parallelism));
					String nothingPending = "";
					if (parallelism != 2) {
						nothingPending = format(median(NOTHING_PENDING_RUNS,
								() -> migrateTenants(pool, beans, names(prefix, tenants), parallelism)));
					}
					rows.add(row("migrate TenantMigrator, parallelism " + parallelism, tenants, apply, nothingPending));
					dropSchemas(pool, names(prefix, tenants));
				}
				String prefix = prefix();
				JavaMigration[] flywayMigrations = Workload.flywayMigrations(migrations);
				double apply = time(() -> flywayLoop(pool, flywayMigrations, names(prefix, tenants)));
				double nothingPending = median(NOTHING_PENDING_RUNS,
						() -> flywayLoop(pool, flywayMigrations, names(prefix, tenants)));
				rows.add(row("Flyway Java API, one schema after the other", tenants, apply, format(nothingPending)));
				dropSchemas(pool, names(prefix, tenants));
				for (String scaling : options.get("scaling").split(",")) {
					if (scaling.isBlank()) {
						continue;
					}
					int count = Integer.parseInt(scaling.trim());
					String scaled = prefix();
					double scaledApply = time(() -> migrateTenants(pool, beans, names(scaled, count), 4));
					double scaledNothing = median(NOTHING_PENDING_RUNS,
							() -> migrateTenants(pool, beans, names(scaled, count), 4));
					rows.add(row("migrate TenantMigrator, parallelism 4", count, scaledApply, format(scaledNothing)));
					dropSchemas(pool, names(scaled, count));
				}
			}
			finally {
				target.dropQuietly();
			}
		}
		double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		StringBuilder markdown = new StringBuilder();
		markdown.append("Database: ")
			.append(describe)
			.append("; ")
			.append(migrations)
			.append(" migrations per tenant (each creates a table and an index); HikariCP pool of ")
			.append(POOL_SIZE)
			.append(" connections; ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores; load average ")
			.append(String.format(Locale.ROOT, "%.2f", loadBefore))
			.append(" before, ")
			.append(String.format(Locale.ROOT, "%.2f", loadAfter))
			.append(" after; run took ")
			.append(Math.round((System.nanoTime() - started) / 1e9))
			.append(" s.\n\n")
			.append("| variant | tenants | apply (all pending) | per tenant | nothing pending (median of ")
			.append(NOTHING_PENDING_RUNS)
			.append(") |\n|---|---:|---:|---:|---:|\n");
		rows.forEach((row) -> markdown.append(row).append('\n'));
		System.out.println(markdown);
		Files.writeString(Path.of(options.get("output")), markdown, StandardCharsets.UTF_8);
	}

	private static HikariDataSource pool(Database.Target target) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(target.url());
		config.setUsername(target.user());
		config.setPassword(target.password());
		config.setMaximumPoolSize(POOL_SIZE);
		config.setMinimumIdle(POOL_SIZE);
		config.setPoolName("tenant-bench");
		return new HikariDataSource(config);
	}

	private static String prefix() {
		return "tb" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "_";
	}

	private static List<String> names(String prefix, int count) {
		List<String> names = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			names.add(prefix + String.format(Locale.ROOT, "%05d", i));
		}
		return names;
	}

	private static void migrateTenants(DataSource pool, Map<String, Object> beans, List<String> names,
			int parallelism) {
		TenantMigrationResult result = TenantMigrator
			.builder(TenantSource.of(names.stream().map(Tenant::schema).toList()),
					(tenant, dataSource) -> Migrator.builder(dataSource).migrations(beans))
			.dataSource(pool)
			.parallelism(parallelism)
			.build()
			.migrate();
		if (!result.isSuccessful()) {
			throw new IllegalStateException(result.summary());
		}
	}

	private static void flywayLoop(DataSource pool, JavaMigration[] migrations, List<String> names) {
		for (String schema : names) {
			Flyway.configure().dataSource(pool).schemas(schema).javaMigrations(migrations).load().migrate();
		}
	}

	private static void dropSchemas(DataSource pool, List<String> names) throws SQLException {
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			for (String name : names) {
				statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
			}
		}
	}

	private static double time(Run run) throws Exception {
		long start = System.nanoTime();
		run.run();
		return (System.nanoTime() - start) / 1e6;
	}

	private static double median(int runs, Run run) throws Exception {
		double[] times = new double[runs];
		for (int i = 0; i < runs; i++) {
			times[i] = time(run);
		}
		Arrays.sort(times);
		return times[runs / 2];
	}

	private static String row(String variant, int tenants, double apply, String nothingPending) {
		return "| " + variant + " | " + tenants + " | " + format(apply) + " | " + format(apply / tenants) + " | "
				+ (nothingPending.isEmpty() ? "–" : nothingPending) + " |";
	}

	private static String format(double millis) {
		return (millis >= 100) ? String.format(Locale.ROOT, "%.0f ms", millis)
				: String.format(Locale.ROOT, "%.2f ms", millis);
	}

	@FunctionalInterface
	private interface Run {

		void run() throws Exception;

	}

}
