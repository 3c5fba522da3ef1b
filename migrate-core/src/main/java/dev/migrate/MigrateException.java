package dev.migrate;

import org.jspecify.annotations.Nullable;

/**
 * Base class of the errors migrate reports. Every message says what happened, to which
 * migration, and what to do next.
 *
 * @author migrate
 */
public class MigrateException extends RuntimeException {

	public MigrateException(String message) {
		super(message);
	}

	public MigrateException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
