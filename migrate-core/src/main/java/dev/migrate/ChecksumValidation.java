package dev.migrate;

/**
 * What the engine does when an applied migration's checksum differs from the one recorded
 * when it was applied.
 *
 * @since 0.1.0
 */
public enum ChecksumValidation {

	/** Refuse to migrate, reporting the changed migration. The default. */
	FAIL,

	/** Log a warning naming the changed migration, and go on. */
	WARN,

	/** Do not compare checksums. */
	OFF

}
