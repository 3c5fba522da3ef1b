package dev.migrate.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.util.FileSystemUtils;

/**
 * Runs the benchmark: one JVM per database, each measuring every tool for every N, then
 * prints the tables and writes them to a Markdown file.
 *
 * <pre>
 * java -jar migrate-benchmarks/target/migrate-benchmarks.jar [--databases=h2,postgresql]
 *     [--n=10,100,1000] [--tools=...] [--quick] [--output=file.md]
 * </pre>
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("databases", "h2,postgresql");
		options.put("n", "10,100,1000");
		options.put("tools", Tool.all().stream().map(Tool::name).collect(Collectors.joining(",")));
		options.put("quick", "false");
		options.put("output", defaultOutput().toString());
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unknown argument '" + arg + "'");
			}
			int equals = arg.indexOf('=');
			String name = (equals > 0) ? arg.substring(2, equals) : arg.substring(2);
			if (!options.containsKey(name)) {
				throw new IllegalArgumentException("Unknown option '" + arg + "'; known: " + options.keySet());
			}
			options.put(name, (equals > 0) ? arg.substring(equals + 1) : "true");
		}
		double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		long started = System.nanoTime();
		Path workDirectory = Files.createTempDirectory("migrate-benchmarks");
		List<Report.DatabaseResults> databases = new ArrayList<>();
		try {
			for (String database : options.get("databases").split(",")) {
				Path results = workDirectory.resolve("results-" + database + ".tsv");
				Jvm.run(List.of(), Suite.class, List.of(database, options.get("n"), options.get("tools"),
						workDirectory.toString(), results.toString(), options.get("quick")), true);
				databases.add(Report.DatabaseResults.read(database, results));
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(workDirectory);
		}
		double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		String markdown = Report.markdown(databases, loadBefore, loadAfter, (System.nanoTime() - started) / 1e9,
				Boolean.parseBoolean(options.get("quick")));
		System.out.println(markdown);
		Path output = Path.of(options.get("output"));
		if (output.getParent() != null) {
			Files.createDirectories(output.getParent());
		}
		Files.writeString(output, markdown, StandardCharsets.UTF_8);
		System.err.println("Written to " + output.toAbsolutePath());
	}

	// Next to the jar (or the classes): target/benchmark-results.md.
	private static Path defaultOutput() throws Exception {
		Path location = Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		return location.toAbsolutePath().getParent().resolve("benchmark-results.md");
	}

}
