package dev.migrate.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The tables: one per database, a row per N and tool, with medians, ranges and ratios.
 */
final class Report {

	static final String RAW = "raw JDBC";

	static final String FLYWAY = "Flyway (Java)";

	private Report() {
	}

	static String markdown(List<DatabaseResults> databases, double loadBefore, double loadAfter, double seconds,
			boolean quick) {
		StringBuilder out = new StringBuilder();
		out.append("Machine: ").append(machine()).append('\n');
		out.append(String.format(Locale.ROOT,
				"Load average (1 min) %.2f before, %.2f after; the whole run took %.0f s%s.%n%n", loadBefore, loadAfter,
				seconds, quick ? " (--quick: fewer runs, figures only indicative)" : ""));
		for (DatabaseResults database : databases) {
			out.append("### ").append(database.description).append("\n\n");
			out.append("| N | tool | apply, median (min–max) | nothing pending, warm | nothing pending, new JVM"
					+ " | peak heap / allocated (apply) | apply ÷ raw, ÷ Flyway | warm ÷ raw, ÷ Flyway"
					+ " | new JVM ÷ raw, ÷ Flyway |\n");
			out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
			for (int n : database.ns()) {
				for (String tool : database.tools()) {
					out.append(row(database, n, tool)).append('\n');
				}
			}
			out.append('\n');
		}
		return out.toString();
	}

	private static String row(DatabaseResults database, int n, String tool) {
		List<Long> apply = database.get(n, tool, "apply");
		List<Long> noop = database.get(n, tool, "noop");
		List<Long> newJvm = database.get(n, tool, "noopNewJvm");
		List<Long> peak = database.get(n, tool, "heapPeak");
		List<Long> allocated = database.get(n, tool, "heapAllocated");
		return "| " + n + " | " + tool + " | " + range(apply) + " | " + range(noop) + " | " + range(newJvm) + " | "
				+ megabytes(peak) + " / " + megabytes(allocated) + " | " + ratios(database, n, tool, "apply") + " | "
				+ ratios(database, n, tool, "noop") + " | " + ratios(database, n, tool, "noopNewJvm") + " |";
	}

	private static String ratios(DatabaseResults database, int n, String tool, String metric) {
		return ratio(database.get(n, tool, metric), database.get(n, RAW, metric)) + ", "
				+ ratio(database.get(n, tool, metric), database.get(n, FLYWAY, metric));
	}

	private static String ratio(@Nullable List<Long> values, @Nullable List<Long> reference) {
		if (values == null || reference == null || values.isEmpty() || reference.isEmpty()) {
			return "–";
		}
		return String.format(Locale.ROOT, "%.2f×", median(values) / median(reference));
	}

	static String range(@Nullable List<Long> nanos) {
		if (nanos == null || nanos.isEmpty()) {
			return "–";
		}
		long min = nanos.stream().mapToLong(Long::longValue).min().getAsLong();
		long max = nanos.stream().mapToLong(Long::longValue).max().getAsLong();
		return millis(median(nanos)) + " ms (" + millis(min) + "–" + millis(max) + ")";
	}

	static double median(List<? extends Number> values) {
		double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
	}

	static String millis(double nanos) {
		double millis = nanos / 1e6;
		if (millis >= 100) {
			return String.format(Locale.ROOT, "%.0f", millis);
		}
		if (millis >= 10) {
			return String.format(Locale.ROOT, "%.1f", millis);
		}
		return String.format(Locale.ROOT, "%.2f", millis);
	}

	private static String megabytes(@Nullable List<Long> bytes) {
		if (bytes == null || bytes.isEmpty()) {
			return "–";
		}
		return String.format(Locale.ROOT, "%.0f MB", median(bytes) / (1 << 20));
	}

	private static String machine() {
		String cpu = "";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.map((model) -> model + ", ")
				.orElse("");
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux: the core count says enough.
		}
		long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
		return cpu + Runtime.getRuntime().availableProcessors() + " cores, "
				+ String.format(Locale.ROOT, "%.0f GiB RAM", memory / (double) (1L << 30)) + ", "
				+ System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
				+ System.getProperty("os.name") + " " + System.getProperty("os.version");
	}

	/**
	 * What one database's suite wrote.
	 */
	static final class DatabaseResults {

		final String description;

		private final Map<String, List<Long>> values = new LinkedHashMap<>();

		private final Set<Integer> ns = new LinkedHashSet<>();

		private final Set<String> tools = new LinkedHashSet<>();

		private DatabaseResults(String description) {
			this.description = description;
		}

		static DatabaseResults read(String database, Path file) throws IOException {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			DatabaseResults results = new DatabaseResults(database);
			DatabaseResults described = results;
			for (String line : lines) {
				String[] fields = line.split("\t");
				if (fields[0].equals("database")) {
					described = new DatabaseResults(fields[1]);
					continue;
				}
				int n = Integer.parseInt(fields[0]);
				described.ns.add(n);
				described.tools.add(fields[1]);
				List<Long> numbers = new ArrayList<>();
				if (fields.length > 3 && !fields[3].isEmpty()) {
					Arrays.stream(fields[3].split(",")).map(Long::valueOf).forEach(numbers::add);
				}
				described.values.put(n + "/" + fields[1] + "/" + fields[2], numbers);
			}
			return described;
		}

		Set<Integer> ns() {
			return this.ns;
		}

		Set<String> tools() {
			return this.tools;
		}

		@Nullable List<Long> get(int n, String tool, String metric) {
			return this.values.get(n + "/" + tool + "/" + metric);
		}

	}

}
