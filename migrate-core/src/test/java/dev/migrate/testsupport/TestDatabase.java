package dev.migrate.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

/**
 * The databases tests run against, each handing out a fresh, isolated database (or
 * schema) per call. H2 and HSQLDB always work; PostgreSQL uses the local server and falls
 * back to an embedded PostgreSQL; MariaDB uses the local server or is unavailable, with
 * the reason.
 *
 * <p>
 * Server coordinates can be overridden with system properties or environment variables:
 * {@code MIGRATE_TEST_POSTGRES_URL}, {@code MIGRATE_TEST_MARIADB_URL} (and {@code _USER},
 * {@code _PASSWORD}).
 */
public enum TestDatabase {

	H2 {
		@Override
		Isolated create(String name) {
			return new Isolated(pool("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", ""), () -> {
			});
		}
	},

	HSQLDB {
		@Override
		Isolated create(String name) {
			return new Isolated(pool("jdbc:hsqldb:mem:" + name, "SA", ""), () -> {
			});
		}
	},

	POSTGRES {
		@Override
		Isolated create(String name) {
			return postgresSchema(postgresServer(), name);
		}
	},

	MARIADB {
		@Override
		Isolated create(String name) {
			Server server = mariadbServer();
			execute(server, "CREATE DATABASE " + name);
			String base = server.url.substring(0, server.url.lastIndexOf('/') + 1);
			return new Isolated(pool(base + name, server.user, server.password),
					() -> execute(server, "DROP DATABASE IF EXISTS " + name));
		}
	};

	private static final ConcurrentMap<TestDatabase, Availability> availability = new ConcurrentHashMap<>();

	private static volatile @Nullable Server postgres;

	private static volatile @Nullable EmbeddedPostgres embeddedPostgres;

	/**
	 * Create a fresh, empty database (or schema) for one test.
	 * @return the isolated database; close it to drop it
	 */
	public Isolated createIsolated() {
		Availability available = availability();
		if (!available.available()) {
			throw new IllegalStateException(available.reason());
		}
		return create(name().toLowerCase(Locale.ROOT).charAt(0) + "t_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12));
	}

	abstract Isolated create(String name);

	/**
	 * Create a fresh schema for one test on a given PostgreSQL server, such as one
	 * started by Testcontainers.
	 * @param server the server
	 * @return the isolated schema; close it to drop it
	 */
	public static Isolated createIsolatedPostgres(Server server) {
		return postgresSchema(server, "pt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
	}

	private static Isolated postgresSchema(Server server, String name) {
		execute(server, "CREATE SCHEMA " + name);
		String url = server.url + (server.url.contains("?") ? "&" : "?") + "currentSchema=" + name;
		return new Isolated(pool(url, server.user, server.password),
				() -> execute(server, "DROP SCHEMA IF EXISTS " + name + " CASCADE"));
	}

	/**
	 * Whether this database can be used here, and why not.
	 * @return the availability
	 */
	public Availability availability() {
		return availability.computeIfAbsent(this, TestDatabase::check);
	}

	private static Availability check(TestDatabase database) {
		try {
			switch (database) {
				case POSTGRES -> postgresServer();
				case MARIADB -> {
					Server server = mariadbServer();
					try (Connection connection = DriverManager.getConnection(server.url, server.user,
							server.password)) {
						connection.isValid(2);
					}
				}
				default -> {
				}
			}
			return new Availability(true, database + " available");
		}
		catch (Exception ex) {
			String reason = database + " tests skipped: " + describe(database) + " is not reachable (" + ex.getMessage()
					+ ")";
			System.err.println("[migrate tests] " + reason);
			return new Availability(false, reason);
		}
	}

	private static String describe(TestDatabase database) {
		return switch (database) {
			case MARIADB -> "MariaDB at " + setting("MIGRATE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
			case POSTGRES -> "PostgreSQL";
			default -> database.name();
		};
	}

	private static Server mariadbServer() {
		return new Server(setting("MIGRATE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test"),
				setting("MIGRATE_TEST_MARIADB_USER", "root"), setting("MIGRATE_TEST_MARIADB_PASSWORD", ""));
	}

	/**
	 * The PostgreSQL server tests use: the local one when reachable, else an embedded one
	 * started once per JVM.
	 * @return the server
	 */
	public static synchronized Server postgresServer() {
		Server server = postgres;
		if (server != null) {
			return server;
		}
		Server local = new Server(setting("MIGRATE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
				setting("MIGRATE_TEST_POSTGRES_USER", "postgres"), setting("MIGRATE_TEST_POSTGRES_PASSWORD", ""));
		try (Connection connection = DriverManager.getConnection(local.url, local.user, local.password)) {
			connection.isValid(2);
			server = local;
		}
		catch (SQLException ex) {
			System.err.println("[migrate tests] PostgreSQL at " + local.url + " is not reachable (" + ex.getMessage()
					+ "); starting an embedded PostgreSQL instead");
			try {
				EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
				embeddedPostgres = embedded;
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						embedded.close();
					}
					catch (Exception ignored) {
						// JVM is exiting
					}
				}));
				server = new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
			}
			catch (Exception embeddedFailure) {
				throw new IllegalStateException("no local PostgreSQL (" + ex.getMessage()
						+ ") and the embedded one did not start (" + embeddedFailure.getMessage() + ")",
						embeddedFailure);
			}
		}
		postgres = server;
		return server;
	}

	private static String setting(String name, String defaultValue) {
		String value = System.getProperty(name);
		if (value == null) {
			value = System.getenv(name);
		}
		return (value != null) ? value : defaultValue;
	}

	private static void execute(Server server, String sql) {
		try (Connection connection = DriverManager.getConnection(server.url, server.user, server.password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + server.url + ": " + ex.getMessage(),
					ex);
		}
	}

	private static HikariDataSource pool(String url, String user, String password) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setPassword(password);
		config.setMaximumPoolSize(8);
		config.setMinimumIdle(0);
		config.setPoolName("test-" + url.hashCode());
		return new HikariDataSource(config);
	}

	/**
	 * A database server's coordinates.
	 *
	 * @param url the JDBC URL
	 * @param user the user
	 * @param password the password
	 */
	public record Server(String url, String user, String password) {
	}

	/**
	 * Whether a database can be used, and why not.
	 *
	 * @param available whether it can be used
	 * @param reason why not, or a confirmation
	 */
	public record Availability(boolean available, String reason) {
	}

	/**
	 * A database (or schema) of one test. Closing it closes the pool and drops it.
	 */
	public static final class Isolated implements AutoCloseable {

		private final HikariDataSource dataSource;

		private final Runnable drop;

		Isolated(HikariDataSource dataSource, Runnable drop) {
			this.dataSource = dataSource;
			this.drop = drop;
		}

		public DataSource dataSource() {
			return this.dataSource;
		}

		/**
		 * The JDBC URL of this isolated database.
		 * @return the URL
		 */
		public String url() {
			return this.dataSource.getJdbcUrl();
		}

		public String user() {
			return this.dataSource.getUsername();
		}

		public String password() {
			return this.dataSource.getPassword();
		}

		@Override
		public void close() {
			this.dataSource.close();
			this.drop.run();
		}

	}

}
