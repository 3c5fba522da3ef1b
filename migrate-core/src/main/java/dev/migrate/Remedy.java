package dev.migrate;

import dev.migrate.OperationResult.Operation;
import org.jspecify.annotations.Nullable;

/**
 * Something a user can do about a situation the engine reports: run an operation, or
 * change a setting. Messages refer to remedies rather than name them, so that each
 * {@link Vocabulary} can name them as its users know them.
 *
 * @since 0.1.0
 */
public sealed interface Remedy {

	/**
	 * Run an operation.
	 * @param operation the operation
	 * @return the remedy
	 */
	static Remedy run(Operation operation) {
		return new Run(operation, null, null);
	}

	/**
	 * Roll back a number of migrations.
	 * @param steps how many
	 * @return the remedy
	 */
	static Remedy rollback(int steps) {
		return new Run(Operation.ROLLBACK, steps, null);
	}

	/**
	 * Run an operation on one version, or up or down to it.
	 * @param operation the operation
	 * @param version the version
	 * @return the remedy
	 */
	static Remedy run(Operation operation, Version version) {
		return new Run(operation, null, version.toString());
	}

	/**
	 * Change a setting.
	 * @param setting the setting
	 * @return the remedy
	 */
	static Remedy change(Setting setting) {
		return new Change(setting, null);
	}

	/**
	 * Change a setting to a value.
	 * @param setting the setting
	 * @param value the value
	 * @return the remedy
	 */
	static Remedy change(Setting setting, String value) {
		return new Change(setting, value);
	}

	/**
	 * Run an operation.
	 *
	 * @param operation the operation
	 * @param steps how many migrations it concerns, or {@code null}
	 * @param target the version it concerns, or {@code null}
	 */
	record Run(Operation operation, @Nullable Integer steps, @Nullable String target) implements Remedy {

	}

	/**
	 * Change a setting.
	 *
	 * @param setting the setting
	 * @param value the value to give it, or {@code null} when the message says which
	 */
	record Change(Setting setting, @Nullable String value) implements Remedy {

	}

}
