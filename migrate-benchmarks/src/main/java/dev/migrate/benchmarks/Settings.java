package dev.migrate.benchmarks;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Settings every JVM of the benchmark shares.
 */
final class Settings {

	// Held, so that the level set on it is not collected with it.
	private static final Logger liquibaseLogger = Logger.getLogger("liquibase");

	private Settings() {
	}

	/**
	 * Warnings only, for every tool alike: Logback (migrate, Flyway, HikariCP, see
	 * logback.xml) and java.util.logging (Liquibase). No tool pays for console output.
	 */
	static void quietLogging() {
		liquibaseLogger.setLevel(Level.WARNING);
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("liquibase.showBanner", "false");
	}

}
