package dev.migrate;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when migrate is configured with a value it cannot use, such as a history table
 * name that is not a plain identifier or a rollback of zero steps. Nothing has been
 * changed in the database.
 *
 * @since 0.1.0
 */
public class MigrateConfigurationException extends MigrateException {

	public MigrateConfigurationException(String message) {
		super(message);
	}

	public MigrateConfigurationException(Diagnosis diagnosis) {
		super(diagnosis, null);
	}

	public MigrateConfigurationException(Diagnosis diagnosis, @Nullable Throwable cause) {
		super(diagnosis, cause);
	}

}
