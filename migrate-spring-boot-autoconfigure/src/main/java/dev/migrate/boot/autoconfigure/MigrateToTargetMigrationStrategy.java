package dev.migrate.boot.autoconfigure;

import dev.migrate.Migrator;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * {@link MigrateMigrationStrategy} that applies the pending migrations up to a target
 * version ({@code migrate.target}), or all of them. What migrate does at start-up unless
 * the application defines its own strategy.
 *
 * @since 0.1.0
 */
public class MigrateToTargetMigrationStrategy implements MigrateMigrationStrategy {

	private final @Nullable String target;

	/**
	 * Create a strategy.
	 * @param target the highest version to apply, or {@code null} (or blank) for all
	 */
	public MigrateToTargetMigrationStrategy(@Nullable String target) {
		this.target = StringUtils.hasText(target) ? target : null;
	}

	@Override
	public void migrate(Migrator migrator) {
		migrator.migrate(this.target);
	}

}
