package dev.migrate.resolver;

import dev.migrate.MigrateException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a migration's fingerprint cannot be computed, for example because its class
 * file cannot be read (a class generated at run time, or a native image that keeps no
 * class files). The message names the class and says how to pin a checksum instead.
 *
 * @since 0.1.0
 */
public class FingerprintException extends MigrateException {

	private final String className;

	public FingerprintException(String className, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.className = className;
	}

	/**
	 * The class that could not be fingerprinted.
	 * @return the binary class name
	 */
	public String getClassName() {
		return this.className;
	}

}
