package dev.migrate.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Every measurement on one database, in one JVM (the warm figures) and the JVMs it starts
 * (the new-JVM figures). Writes one line per figure to a results file.
 *
 * <p>
 * Arguments: database ns tools workDirectory resultsFile quick.
 */
public final class Suite {

	private final Database database;

	private final Path workDirectory;

	private final PrintWriter results;

	private final boolean quick;

	private Suite(Database database, Path workDirectory, PrintWriter results, boolean quick) {
		this.database = database;
		this.workDirectory = workDirectory;
		this.results = results;
		this.quick = quick;
	}

	public static void main(String[] args) throws Exception {
		Settings.quietLogging();
		List<Integer> ns = Arrays.stream(args[1].split(",")).map(Integer::valueOf).toList();
		List<Tool> tools = Arrays.stream(args[2].split(",")).map(Tool::named).toList();
		Path workDirectory = Path.of(args[3]);
		boolean quick = Boolean.parseBoolean(args[5]);
		try (Database database = Database.named(args[0]);
				PrintWriter results = new PrintWriter(Files.newBufferedWriter(Path.of(args[4]), StandardCharsets.UTF_8),
						true)) {
			results.println("database\t" + database.describe());
			Suite suite = new Suite(database, workDirectory, results, quick);
			for (int n : ns) {
				for (Tool tool : tools) {
					suite.measure(tool, n);
				}
			}
		}
		System.exit(0);
	}

	private void measure(Tool tool, int n) throws Exception {
		boolean large = n >= 1000;
		int runs = this.quick ? 2 : (large ? 3 : 5);
		int warmups = this.quick ? 1 : (large ? 1 : 3);
		int noopRuns = this.quick ? 3 : (large ? 7 : 11);
		int noopWarmups = this.quick ? 2 : 10;
		int newJvmRuns = this.quick ? 1 : (large ? 3 : 5);
		log(tool.name() + ", N = " + n + ": apply");
		Object migrations = tool.load(n, this.workDirectory);
		List<Long> apply = new ArrayList<>();
		for (int i = 0; i < warmups + runs; i++) {
			long time = applyOnce(tool, n, migrations);
			if (i >= warmups) {
				apply.add(time);
			}
		}
		record(n, tool, "apply", apply);
		log(tool.name() + ", N = " + n + ": nothing pending");
		Database.Target target = this.database.create();
		try {
			List<Long> noop = new ArrayList<>();
			try (HikariDataSource dataSource = Pools.start(target)) {
				tool.migrate(target, dataSource, migrations);
				for (int i = 0; i < noopWarmups + noopRuns; i++) {
					long start = System.nanoTime();
					tool.migrate(target, dataSource, migrations);
					long time = System.nanoTime() - start;
					if (i >= noopWarmups) {
						noop.add(time);
					}
				}
				record(n, tool, "noop", noop);
			}
			Path script = this.database.export(target, this.workDirectory);
			List<Long> newJvm = new ArrayList<>();
			List<Long> newJvmLoad = new ArrayList<>();
			for (int i = 0; i < newJvmRuns; i++) {
				Map<String, String> result = newJvm("noop", tool, n, target, script, List.of());
				newJvm.add(Long.parseLong(result.get("time")));
				newJvmLoad.add(Long.parseLong(result.get("load")));
			}
			record(n, tool, "noopNewJvm", newJvm);
			record(n, tool, "noopNewJvmLoad", newJvmLoad);
			if (script != null) {
				Files.deleteIfExists(script);
			}
		}
		finally {
			target.dropQuietly();
		}
		log(tool.name() + ", N = " + n + ": heap");
		Database.Target empty = this.database.create();
		try {
			Map<String, String> heap = newJvm("heap", tool, n, empty, null,
					List.of("-XX:+UseSerialGC", "-Xmn8m", "-Xms64m"));
			record(n, tool, "heapPeak", List.of(Long.parseLong(heap.get("peak"))));
			record(n, tool, "heapAllocated", List.of(Long.parseLong(heap.get("allocated"))));
			record(n, tool, "applyNewJvm", List.of(Long.parseLong(heap.get("time"))));
		}
		finally {
			empty.dropQuietly();
		}
	}

	private long applyOnce(Tool tool, int n, Object migrations) throws Exception {
		Database.Target target = this.database.create();
		try (HikariDataSource dataSource = Pools.start(target)) {
			long start = System.nanoTime();
			tool.migrate(target, dataSource, migrations);
			long time = System.nanoTime() - start;
			checkApplied(dataSource, n);
			return time;
		}
		finally {
			target.dropQuietly();
		}
	}

	private static void checkApplied(HikariDataSource dataSource, int n) throws Exception {
		try (var connection = dataSource.getConnection();
				var statement = connection.createStatement();
				var rows = statement.executeQuery("SELECT COUNT(*) FROM t_" + n)) {
			rows.next();
		}
	}

	private Map<String, String> newJvm(String mode, Tool tool, int n, Database.Target target, Path script,
			List<String> jvmOptions) throws IOException, InterruptedException {
		return Jvm.run(jvmOptions, NewJvmRun.class,
				List.of(mode, this.database.name(), tool.name(), String.valueOf(n), target.url(), target.user(),
						target.password().isEmpty() ? "" : target.password(),
						(script != null) ? script.toString() : "-", this.workDirectory.toString()),
				false);
	}

	private void record(int n, Tool tool, String metric, List<Long> values) {
		this.results.println(n + "\t" + tool.name() + "\t" + metric + "\t"
				+ values.stream().map(String::valueOf).collect(Collectors.joining(",")));
	}

	private void log(String message) {
		System.err.println("[" + this.database.name() + "] " + message);
	}

}
