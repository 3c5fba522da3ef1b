package dev.migrate.benchmarks;

import java.nio.file.Path;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.Migrator;
import org.apache.commons.logging.LogFactory;

/**
 * One operation as the first call in a new JVM: {@code noop} checks a database that is up
 * to date, {@code heap} applies everything to an empty one while measuring the heap,
 * {@code split} times the steps of migrate's check (load the classes, build, migrate).
 * The pool is started, the database reachable and Commons Logging set up (as in a Spring
 * application, whose own classes log through it) before the clock starts; loading the
 * tool's classes and the project's migrations is inside it.
 *
 * <p>
 * Arguments: mode database tool n url user password script|- workDirectory.
 */
public final class NewJvmRun {

	private NewJvmRun() {
	}

	public static void main(String[] args) throws Exception {
		Settings.quietLogging();
		String mode = args[0];
		Database database = Database.connectTo(args[1], args[4], args[5], args[6]);
		Tool tool = Tool.named(args[2]);
		int n = Integer.parseInt(args[3]);
		Path script = args[7].equals("-") ? null : Path.of(args[7]);
		Path workDirectory = Path.of(args[8]);
		Database.Target target = database.attach(args[4], script);
		try (HikariDataSource dataSource = Pools.start(target)) {
			// Set up before any tool runs in a Spring application, as its pool is: the
			// logging its own classes use (Commons Logging), which migrate uses too.
			LogFactory.getLog(NewJvmRun.class).isInfoEnabled();
			if (mode.equals("heap")) {
				try (Heap heap = new Heap()) {
					long start = System.nanoTime();
					tool.migrate(target, dataSource, tool.load(n, workDirectory));
					long time = System.nanoTime() - start;
					System.out.println("RESULT time=" + time + " peak=" + heap.peakBytes() + " allocated="
							+ heap.allocatedBytes());
				}
			}
			else if (mode.equals("split")) {
				// migrate's up-to-date check in steps: load the classes, build, migrate.
				long start = System.nanoTime();
				Map<String, Object> beans = Workload.migrateBeans(n);
				long loaded = System.nanoTime();
				Migrator migrator = Migrator.builder(dataSource).migrations(beans).build();
				long built = System.nanoTime();
				migrator.migrate();
				long end = System.nanoTime();
				System.out.println(
						"RESULT load=" + (loaded - start) + " build=" + (built - loaded) + " migrate=" + (end - built));
			}
			else {
				long start = System.nanoTime();
				Object migrations = tool.load(n, workDirectory);
				long loaded = System.nanoTime();
				tool.migrate(target, dataSource, migrations);
				long end = System.nanoTime();
				System.out.println("RESULT time=" + (end - start) + " load=" + (loaded - start));
			}
		}
		System.exit(0);
	}

}
