package dev.migrate.boot.actuate.health;

import java.util.List;

import dev.migrate.InfoResult;
import dev.migrate.MigrationInfo;
import dev.migrate.MigrationState;
import dev.migrate.Migrator;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;

/**
 * {@link HealthIndicator} for the migrations of a {@link Migrator}: down when a migration
 * has failed or is missing from the code, or when the schema is behind the code (pending
 * migrations); up otherwise. Details hold the counts per state and the current version.
 *
 * @author migrate
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final Migrator migrator;

	public MigrationsHealthIndicator(Migrator migrator) {
		super("Migrations health check failed");
		Assert.notNull(migrator, "'migrator' must not be null");
		this.migrator = migrator;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		InfoResult info = this.migrator.info();
		List<MigrationInfo> failed = info.inState(MigrationState.FAILED);
		List<MigrationInfo> missing = info.inState(MigrationState.MISSING);
		List<MigrationInfo> pending = info.pending();
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

	private static List<String> versions(List<MigrationInfo> migrations) {
		return migrations.stream().map((migration) -> migration.version().toString()).toList();
	}

}
