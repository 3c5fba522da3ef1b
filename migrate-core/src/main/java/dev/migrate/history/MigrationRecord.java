package dev.migrate.history;

import dev.migrate.Version;
import org.jspecify.annotations.Nullable;

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
 * @param classHash the hash of the raw bytes of its class file
 * ({@link dev.migrate.resolver.Fingerprinter#rawHash(byte[])}), or {@code null}
 * @since 0.1.0
 */
public record MigrationRecord(int installedRank, Version version, String description, String beanName, String className,
		String checksum, String installedBy, @Nullable String classHash) {

	/**
	 * A record without the hash of the class file.
	 * @param installedRank the rank of its new row
	 * @param version the version
	 * @param description the description
	 * @param beanName the bean name
	 * @param className the bean class name
	 * @param checksum the fingerprint, in its stored form
	 * @param installedBy who applies it
	 */
	public MigrationRecord(int installedRank, Version version, String description, String beanName, String className,
			String checksum, String installedBy) {
		this(installedRank, version, description, beanName, className, checksum, installedBy, null);
	}

}
