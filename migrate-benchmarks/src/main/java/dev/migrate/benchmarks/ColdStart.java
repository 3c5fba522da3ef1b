package dev.migrate.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.util.FileSystemUtils;

/**
 * What an application start pays with nothing pending, on PostgreSQL, each figure the
 * first call in a new JVM, the tools interleaved run by run (one JVM of each in turn, the
 * order rotated every round) so that the load of a shared machine falls on all alike.
 * <ul>
 * <li>{@code engine}: the up-to-date check alone (the pool filled before the clock; the
 * tool, its classes and the project's migrations loaded inside it): raw JDBC, migrate
 * given the N beans, migrate given N sources described from the class files' metadata (as
 * the Boot starter gives it scanned migrations), Flyway with Java migrations;</li>
 * <li>{@code boot}: a whole Spring Boot application from launching its JVM to
 * {@code ApplicationReadyEvent} ({@link BootApplicationRun}): no migration tool, migrate,
 * Spring Boot's Flyway support with SQL files.</li>
 * <li>{@code boot-jpa}: the same set-ups in a typical application, with JPA (twenty
 * entities and their repositories) and a web server ({@code jpa-web} in
 * {@link BootApplicationRun}).</li>
 * </ul>
 *
 * <pre>
 * java -cp migrate-benchmarks/target/migrate-benchmarks.jar dev.migrate.benchmarks.ColdStart
 *     [--parts=engine,boot,boot-jpa] [--n=100,1000] [--rounds=5] [--jfr=migrate-noop.jfr]
 *     [--jvm="-Dspring.datasource.hikari.minimum-idle=1"]
 * </pre>
 *
 * With {@code --jfr}, one more JVM runs migrate's check at the largest N under Java
 * Flight Recorder's profiling settings and writes the recording there.
 */
public final class ColdStart {

	private static final List<String> ENGINE_TOOLS = List.of("raw JDBC", "migrate", "migrate (sources)",
			"migrate (index)", "Flyway (Java)");

	// "beans": no migration tool, the N migration classes registered as lazy beans all
	// the same: what the N bean definitions cost Spring itself.
	private static List<String> bootSetups = List.of("none", "beans", "migrate", "migrate-index", "flyway");

	// With --cds=true every tool and set-up runs with an AppCDS archive of its own,
	// dumped
	// by one start that is not counted.
	private static boolean cds;

	private static @Nullable Path archives;

	// --jvm="-Da=b -Xc": options for every JVM of an application start, set-ups alike.
	private static List<String> applicationJvmOptions = List.of();

	private ColdStart() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("parts", "engine,boot");
		options.put("n", "100,1000");
		options.put("rounds", "5");
		options.put("jfr", "");
		options.put("jfr-tool", "migrate");
		options.put("boot-setups", String.join(",", bootSetups));
		options.put("cds", "false");
		options.put("jvm", "");
		for (String arg : args) {
			int equals = arg.indexOf('=');
			String name = (arg.startsWith("--") && equals > 0) ? arg.substring(2, equals) : "";
			if (!options.containsKey(name)) {
				throw new IllegalArgumentException("Unknown argument '" + arg + "'; known: " + options.keySet());
			}
			options.put(name, arg.substring(equals + 1));
		}
		Settings.quietLogging();
		List<String> parts = List.of(options.get("parts").split(","));
		List<Integer> ns = Arrays.stream(options.get("n").split(",")).map(Integer::valueOf).toList();
		int rounds = Integer.parseInt(options.get("rounds"));
		bootSetups = List.of(options.get("boot-setups").split(","));
		cds = Boolean.parseBoolean(options.get("cds"));
		applicationJvmOptions = options.get("jvm").isBlank() ? List.of()
				: List.of(options.get("jvm").trim().split("\\s+"));
		double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		long started = System.nanoTime();
		Path workDirectory = Files.createTempDirectory("migrate-cold-start");
		StringBuilder report = new StringBuilder();
		try (Database database = Database.named("postgresql")) {
			report.append("PostgreSQL: ").append(database.describe()).append("\n\n");
			report
				.append("| part | N | set-up | median | ÷ first set-up, per round | min–max | runs (ms, in order) |\n");
			report.append("|---|---:|---|---:|---:|---:|---|\n");
			for (int n : ns) {
				if (parts.contains("engine")) {
					report.append(engine(database, n, rounds, workDirectory));
				}
				if (parts.contains("boot")) {
					report.append(boot(database, n, rounds, workDirectory, "plain"));
				}
				if (parts.contains("boot-jpa")) {
					report.append(boot(database, n, rounds, workDirectory, "jpa-web"));
				}
			}
			if (!options.get("jfr").isEmpty()) {
				profile(database, options.get("jfr-tool"), ns.stream().max(Integer::compare).orElse(1000),
						workDirectory, Path.of(options.get("jfr")).toAbsolutePath());
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(workDirectory);
			if (archives != null) {
				FileSystemUtils.deleteRecursively(archives);
			}
		}
		double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		report.append(String.format(Locale.ROOT, "%nLoad average %.2f at the start, %.2f at the end; %d s; %d cores.%n",
				loadBefore, loadAfter, Math.round((System.nanoTime() - started) / 1e9),
				Runtime.getRuntime().availableProcessors()));
		System.out.println(report);
	}

	private static String engine(Database database, int n, int rounds, Path workDirectory) throws Exception {
		Map<String, Database.Target> targets = new LinkedHashMap<>();
		Map<String, List<Long>> times = new LinkedHashMap<>();
		try {
			for (String name : ENGINE_TOOLS) {
				Tool tool = Tool.named(name);
				Database.Target target = database.create();
				targets.put(name, target);
				apply(tool, target, n, workDirectory);
				times.put(name, new ArrayList<>());
				if (cds) {
					Jvm.run(List.of("-XX:ArchiveClassesAtExit=" + archive("engine", name, n)), NewJvmRun.class,
							List.of("noop", "postgresql", name, String.valueOf(n), target.url(), target.user(),
									target.password(), "-", workDirectory.toString()),
							false);
				}
			}
			for (int round = 0; round < rounds; round++) {
				for (String name : rotated(ENGINE_TOOLS, round)) {
					Database.Target target = targets.get(name);
					Map<String, String> result = Jvm.run(
							cds ? List.of("-XX:SharedArchiveFile=" + archive("engine", name, n)) : List.of(),
							NewJvmRun.class, List.of("noop", "postgresql", name, String.valueOf(n), target.url(),
									target.user(), target.password(), "-", workDirectory.toString()),
							false);
					times.get(name).add(Long.parseLong(result.get("time")));
					log("engine N=" + n + " " + name + ": " + Math.round(Long.parseLong(result.get("time")) / 1e6)
							+ " ms");
				}
			}
		}
		finally {
			targets.values().forEach(Database.Target::dropQuietly);
		}
		return rows("nothing pending, new JVM", n, times);
	}

	private static String boot(Database database, int n, int rounds, Path workDirectory, String application)
			throws Exception {
		Path sql = Workload.flywaySqlDirectory(workDirectory, n);
		Map<String, Database.Target> targets = new LinkedHashMap<>();
		Map<String, List<Long>> times = new LinkedHashMap<>();
		try {
			for (String setup : bootSetups) {
				Database.Target target = database.create();
				targets.put(setup, target);
				if (setup.equals("history-read")) {
					// No tool in it: migrate's engine applies the N migrations it reads.
					apply(Tool.named("migrate"), target, n, workDirectory);
				}
				// The first start (applying the N migrations, where a tool is in it) is
				// not counted.
				startApplication(setup, n, target, sql, application, List.of());
				if (cds) {
					startApplication(setup, n, target, sql, application,
							List.of("-XX:ArchiveClassesAtExit=" + archive(application, setup, n)));
				}
				times.put(setup, new ArrayList<>());
			}
			for (int round = 0; round < rounds; round++) {
				for (String setup : rotated(bootSetups, round)) {
					long time = startApplication(setup, n, targets.get(setup), sql, application,
							cds ? List.of("-XX:SharedArchiveFile=" + archive(application, setup, n)) : List.of());
					times.get(setup).add(time);
					log("boot (" + application + ") N=" + n + " " + setup + ": " + Math.round(time / 1e6) + " ms");
				}
			}
		}
		finally {
			targets.values().forEach(Database.Target::dropQuietly);
		}
		return rows(application.equals("plain") ? "Boot application start" : "Boot application start (JPA, web)", n,
				times);
	}

	/** Apply a tool's N migrations to a target, outside the figures. */
	private static void apply(Tool tool, Database.Target target, int n, Path workDirectory) throws Exception {
		try (HikariDataSource dataSource = Pools.start(target)) {
			tool.migrate(target, dataSource, tool.load(n, workDirectory));
		}
	}

	/** Launch a JVM running the application and wait for its READY line. */
	private static long startApplication(String setup, int n, Database.Target target, Path sql, String application,
			List<String> jvmOptions) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(applicationJvmOptions);
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classPath(application), BootApplicationRun.class.getName(), setup,
				String.valueOf(n), target.url(), target.user(), target.password(), sql.toString(), application));
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		long ready = -1;
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				if (line.equals("READY") && ready < 0) {
					ready = System.nanoTime();
				}
			}
		}
		int exit = process.waitFor();
		if (ready < 0 || exit != 0) {
			throw new IllegalStateException(
					"The application (" + setup + ", N = " + n + ") exited with " + exit + " before it was ready");
		}
		return ready - start;
	}

	private static void profile(Database database, String toolName, int n, Path workDirectory, Path recording)
			throws Exception {
		Database.Target target = database.create();
		try {
			apply(Tool.named(toolName), target, n, workDirectory);
			Map<String, String> result = Jvm.run(
					List.of("-XX:StartFlightRecording=filename=" + recording
							+ ",settings=profile,jdk.ExecutionSample#period=2ms",
							"-XX:FlightRecorderOptions=stackdepth=128"),
					NewJvmRun.class, List.of("noop", "postgresql", toolName, String.valueOf(n), target.url(),
							target.user(), target.password(), "-", workDirectory.toString()),
					false);
			log("profiled " + toolName + " N=" + n + " (" + Math.round(Long.parseLong(result.get("time")) / 1e6)
					+ " ms under the recorder): " + recording);
		}
		finally {
			target.dropQuietly();
		}
	}

	/**
	 * This JVM's class path, and for the typical application the jars of JPA and the web
	 * server beside it ({@code lib-jpa} next to this module's jar or classes).
	 */
	private static String classPath(String application) {
		String classPath = System.getProperty("java.class.path");
		if (application.equals("plain")) {
			return classPath;
		}
		Path own = Path.of(classPath.split(java.io.File.pathSeparator)[0]).toAbsolutePath();
		Path jars = own.resolveSibling("lib-jpa");
		if (!Files.isDirectory(jars)) {
			throw new IllegalStateException("The typical application needs the jars in " + jars
					+ " (written by 'mvn package' in migrate-benchmarks)");
		}
		return classPath + java.io.File.pathSeparator + jars + java.io.File.separator + "*";
	}

	private static List<String> rotated(List<String> names, int round) {
		List<String> order = new ArrayList<>(names);
		java.util.Collections.rotate(order, -(round % names.size()));
		return order;
	}

	/** The AppCDS archive of one tool or set-up. */
	private static String archive(String part, String name, int n) throws IOException {
		if (archives == null) {
			archives = Files.createTempDirectory("migrate-cold-start-cds");
		}
		return archives.resolve(part + "-" + name.replaceAll("[^A-Za-z0-9]+", "-") + "-" + n + ".jsa").toString();
	}

	private static String rows(String partName, int n, Map<String, List<Long>> times) {
		String part = cds ? partName + ", AppCDS" : partName;
		StringBuilder rows = new StringBuilder();
		// Each round runs every set-up once, one after the other: the ratio within a
		// round is less disturbed by the load of the machine than that of the medians.
		List<Long> first = times.values().iterator().next();
		times.forEach((name, values) -> {
			List<Long> sorted = values.stream().sorted().toList();
			List<Double> ratios = new ArrayList<>();
			for (int round = 0; round < values.size(); round++) {
				ratios.add((double) values.get(round) / first.get(round));
			}
			rows.append("| ")
				.append(part)
				.append(" | ")
				.append(n)
				.append(" | ")
				.append(name)
				.append(" | ")
				.append(ms(Math.round(Report.median(values))))
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.2f×", Report.median(ratios)))
				.append(" | ")
				.append(ms(sorted.get(0)))
				.append("–")
				.append(ms(sorted.get(sorted.size() - 1)))
				.append(" | ")
				.append(values.stream().map(ColdStart::ms).reduce((a, b) -> a + ", " + b).orElse(""))
				.append(" |\n");
		});
		return rows.toString();
	}

	private static String ms(long nanos) {
		return String.valueOf(Math.round(nanos / 1e6));
	}

	private static void log(String message) {
		System.err.println("[cold start] " + message);
	}

}
