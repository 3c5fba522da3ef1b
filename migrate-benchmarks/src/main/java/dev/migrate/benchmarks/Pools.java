package dev.migrate.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Connection pools as an application has them: HikariCP, filled before any clock starts,
 * so that no tool pays for opening connections the others got for free.
 */
final class Pools {

	static final int SIZE = 5;

	private Pools() {
	}

	static HikariDataSource start(Database.Target target) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(target.url());
		config.setUsername(target.user());
		config.setPassword(target.password());
		config.setMaximumPoolSize(SIZE);
		config.setMinimumIdle(SIZE);
		config.setPoolName("bench");
		HikariDataSource dataSource = new HikariDataSource(config);
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (dataSource.getHikariPoolMXBean().getIdleConnections() < SIZE && System.nanoTime() < deadline) {
			sleep(2);
		}
		return dataSource;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
