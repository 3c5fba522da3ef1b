package dev.migrate.benchmarks;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.ValidationResult;
import dev.migrate.Version;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.Dialects;
import dev.migrate.history.HistoryRow;
import dev.migrate.history.SchemaHistory;
import dev.migrate.resolver.MigrationResolver;
import dev.migrate.resolver.ResolvedMigration;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassWriter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Where migrate's "nothing pending" time goes: the steps of {@code Migrator.migrate()}
 * timed one by one through the engine's public pieces, warm, after an apply.
 *
 * <p>
 * Arguments: database n [rounds].
 */
public final class Splits {

	private Splits() {
	}

	public static void main(String[] args) throws Exception {
		Settings.quietLogging();
		int n = Integer.parseInt(args[1]);
		int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 30;
		try (Database database = Database.named(args[0])) {
			Database.Target target = database.create();
			try (HikariDataSource dataSource = Pools.start(target)) {
				Map<String, Object> beans = Workload.migrateBeans(n);
				long start = System.nanoTime();
				Migrator.builder(dataSource).migrations(beans).build().migrate();
				System.out.println("apply: " + Report.millis(System.nanoTime() - start) + " ms");
				Map<String, List<Long>> splits = new LinkedHashMap<>();
				for (int round = 0; round < rounds; round++) {
					long t0 = System.nanoTime();
					List<ResolvedMigration> migrations = MigrationResolver.resolve(beans);
					long t1 = System.nanoTime();
					Migrator migrator = Migrator.builder(dataSource).migrations(beans).build();
					long t2 = System.nanoTime();
					Dialect dialect = Dialects.detect(dataSource);
					long t3 = System.nanoTime();
					SchemaHistory history = new SchemaHistory(dataSource, dialect, null, "migrate_history");
					List<HistoryRow> rows = history.read();
					long t4 = System.nanoTime();
					ValidationResult validation = migrator.validate();
					boolean upToDate = validation.isValid() && validation.info().pending().isEmpty()
							&& rows.size() == migrations.size();
					long t5 = System.nanoTime();
					migrator.migrate();
					long t6 = System.nanoTime();
					if (!upToDate) {
						throw new IllegalStateException("Expected nothing pending");
					}
					if (round >= rounds / 3) {
						add(splits, "resolve (MigrationResolver.resolve)", t1 - t0);
						add(splits, "Migrator.build (resolves again)", t2 - t1);
						add(splits, "Dialects.detect", t3 - t2);
						add(splits, "SchemaHistory.read", t4 - t3);
						add(splits, "Migrator.validate (read + merge + validate)", t5 - t4);
						add(splits, "Migrator.migrate() on the built engine", t6 - t5);
					}
				}
				for (int round = 0; round < rounds; round++) {
					resolvePieces(beans, splits, round >= rounds / 3);
				}
				splits.forEach((step, times) -> System.out.println(step + ": " + Report.range(times)));
			}
			finally {
				target.dropQuietly();
			}
		}
		System.exit(0);
	}

	// The steps MigrationResolver.resolve takes for each bean, each over all N beans.
	private static void resolvePieces(Map<String, Object> beans, Map<String, List<Long>> splits, boolean keep)
			throws Exception {
		long t0 = System.nanoTime();
		for (Object bean : beans.values()) {
			AnnotatedElementUtils.findMergedAnnotation(bean.getClass(), Migration.class);
		}
		long t1 = System.nanoTime();
		for (Object bean : beans.values()) {
			ReflectionUtils.getUniqueDeclaredMethods(bean.getClass());
			ReflectionUtils.getUniqueDeclaredMethods(bean.getClass());
		}
		long t2 = System.nanoTime();
		CRC32 crc = new CRC32();
		for (Object bean : beans.values()) {
			Class<?> type = bean.getClass();
			try (InputStream input = type.getClassLoader()
				.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
				byte[] bytes = input.readAllBytes();
				ClassReader reader = new ClassReader(bytes);
				ClassWriter writer = new ClassWriter(0);
				reader.accept(writer, ClassReader.SKIP_DEBUG);
				crc.update(writer.toByteArray());
			}
		}
		long t3 = System.nanoTime();
		for (Object bean : beans.values()) {
			Class<?> type = bean.getClass();
			try (InputStream input = type.getClassLoader()
				.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
				input.readAllBytes();
			}
		}
		long t4 = System.nanoTime();
		for (Object bean : beans.values()) {
			Version.parse(bean.getClass().getAnnotation(Migration.class).version());
		}
		long t5 = System.nanoTime();
		if (keep) {
			add(splits, "  resolve piece: findMergedAnnotation x N", t1 - t0);
			add(splits, "  resolve piece: getUniqueDeclaredMethods x 2N", t2 - t1);
			add(splits, "  resolve piece: checksum (read class + ASM rewrite + CRC) x N", t3 - t2);
			add(splits, "  resolve piece: of which getResourceAsStream + read x N", t4 - t3);
			add(splits, "  resolve piece: Version.parse x N", t5 - t4);
		}
	}

	private static void add(Map<String, List<Long>> splits, String step, long nanos) {
		splits.computeIfAbsent(step, (key) -> new ArrayList<>()).add(nanos);
	}

}
