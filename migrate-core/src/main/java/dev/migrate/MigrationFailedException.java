package dev.migrate;

import dev.migrate.MigrationContext.Direction;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a migration's {@code up} or {@code down} method fails. The message names
 * the migration, says what the database holds now, and what to do next.
 *
 * @since 0.1.0
 */
public class MigrationFailedException extends MigrateException {

	private final Version version;

	private final @Nullable String beanName;

	private final Direction direction;

	public MigrationFailedException(String message, Version version, @Nullable String beanName, Direction direction,
			@Nullable Throwable cause) {
		this(Diagnosis.of(message), version, beanName, direction, cause);
	}

	public MigrationFailedException(Diagnosis diagnosis, Version version, @Nullable String beanName,
			Direction direction, @Nullable Throwable cause) {
		super(diagnosis, cause);
		this.version = version;
		this.beanName = beanName;
		this.direction = direction;
	}

	/**
	 * Version of the migration that failed.
	 * @return the version
	 */
	public Version getVersion() {
		return this.version;
	}

	/**
	 * Bean name of the migration that failed.
	 * @return the bean name, if known
	 */
	public @Nullable String getBeanName() {
		return this.beanName;
	}

	/**
	 * Whether it failed applying ({@code up}) or rolling back ({@code down}).
	 * @return the direction
	 */
	public Direction getDirection() {
		return this.direction;
	}

}
