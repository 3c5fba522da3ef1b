package dev.migrate.history;

import dev.migrate.Version;

/**
 * What the history records about a migration that starts or finishes applying.
 *
 * @param installedRank the rank of its new row
 * @param version the version
 * @param description the description
 * @param beanName the bean name
 * @param className the bean class name
 * @param checksum the fingerprint, in its stored form
 * @param installedBy who applies it
 * @since 0.1.0
 */
public record MigrationRecord(int installedRank, Version version, String description, String beanName, String className,
		String checksum, String installedBy) {

}
