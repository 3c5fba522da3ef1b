package dev.migrate.boot.actuate.health;

import java.util.List;

import dev.migrate.InfoResult;
import dev.migrate.MigrationInfo;
import dev.migrate.MigrationState;
import dev.migrate.Migrator;
import dev.migrate.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * {@link HealthIndicator} for the migrations of a {@link Migrator}: down when a migration
 * has failed or is missing from the code, or when the schema is behind the code (pending
 * migrations up to the target version); up otherwise. Migrations above the target version
 * ({@code migrate.target}) are held back on purpose: they do not make it down, and are
 * listed as {@code heldBack}. Details hold the counts per state and the current version.
 *
 * @since 0.1.0
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final Migrator migrator;

	private final @Nullable Version target;

	/**
	 * Create an indicator that expects every migration to be applied.
	 * @param migrator the engine
	 */
	public MigrationsHealthIndicator(Migrator migrator) {
		this(migrator, null);
	}

	/**
	 * Create an indicator that expects the migrations up to a target version to be
	 * applied.
	 * @param migrator the engine
	 * @param target the highest version that must be applied ({@code migrate.target}), or
	 * {@code null} (or blank) for all
	 */
	public MigrationsHealthIndicator(Migrator migrator, @Nullable String target) {
		super("Migrations health check failed");
		Assert.notNull(migrator, "'migrator' must not be null");
		this.migrator = migrator;
		this.target = StringUtils.hasText(target) ? Version.parse(target.trim()) : null;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		InfoResult info = this.migrator.info();
		List<MigrationInfo> failed = info.inState(MigrationState.FAILED);
		List<MigrationInfo> missing = info.inState(MigrationState.MISSING);
		List<MigrationInfo> pending = info.pending().stream().filter((migration) -> !isHeldBack(migration)).toList();
		List<MigrationInfo> heldBack = info.pending().stream().filter(this::isHeldBack).toList();
		if (failed.isEmpty() && missing.isEmpty() && pending.isEmpty()) {
			builder.up();
		}
		else {
			builder.down();
		}
		builder.withDetail("database", info.database())
			.withDetail("historyTable", info.historyTable())
			.withDetail("currentVersion", (info.currentVersion() != null) ? info.currentVersion().toString() : "none")
			.withDetail("applied", info.migrations().stream().filter((m) -> m.state().isApplied()).count())
			.withDetail("pending", pending.size())
			.withDetail("failed", failed.size())
			.withDetail("missing", missing.size());
		if (!pending.isEmpty()) {
			builder.withDetail("pendingVersions", versions(pending));
		}
		if (!heldBack.isEmpty()) {
			builder.withDetail("target", String.valueOf(this.target)).withDetail("heldBack", versions(heldBack));
		}
		if (!failed.isEmpty()) {
			builder.withDetail("failedVersions", versions(failed));
		}
		if (!missing.isEmpty()) {
			builder.withDetail("missingVersions", versions(missing));
		}
		if (!info.warnings().isEmpty()) {
			builder.withDetail("warnings", info.warnings());
		}
	}

	private boolean isHeldBack(MigrationInfo migration) {
		return this.target != null && migration.version().isAfter(this.target);
	}

	private static List<String> versions(List<MigrationInfo> migrations) {
		return migrations.stream().map((migration) -> migration.version().toString()).toList();
	}

}
