package dev.migrate.boot.actuate.health;

import java.util.List;

import dev.migrate.Vocabulary;
import dev.migrate.tenant.TenantMigrationResult;
import dev.migrate.tenant.TenantMigrator;
import dev.migrate.tenant.TenantOutcome;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;

/**
 * {@link HealthIndicator} for the tenants, from the latest migration of all tenants in
 * this instance, so that a probe queries no tenant: down when tenants failed or were not
 * started, up when every tenant is migrated, unknown before any migration of the tenants
 * ran here. Details hold the counts per version and the first failed tenants with their
 * errors; {@code /actuator/migratetenants} reads the tenants' current state.
 *
 * @since 0.2.0
 */
public class MigrateTenantsHealthIndicator extends AbstractHealthIndicator {

	private static final int LISTED = 10;

	private final TenantMigrator tenantMigrator;

	private final Vocabulary vocabulary;

	/**
	 * Create the indicator.
	 * @param tenantMigrator the tenant migrator
	 * @param vocabulary how the tenants' errors name settings and operations
	 */
	public MigrateTenantsHealthIndicator(TenantMigrator tenantMigrator, Vocabulary vocabulary) {
		super("Tenants health check failed");
		Assert.notNull(tenantMigrator, "'tenantMigrator' must not be null");
		Assert.notNull(vocabulary, "'vocabulary' must not be null");
		this.tenantMigrator = tenantMigrator;
		this.vocabulary = vocabulary;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		TenantMigrationResult result = this.tenantMigrator.getLastResult();
		if (result == null) {
			builder.unknown().withDetail("reason", "no migration of the tenants has run in this instance");
			return;
		}
		if (result.isSuccessful()) {
			builder.up();
		}
		else {
			builder.down();
		}
		List<TenantOutcome> failed = result.failed();
		builder.withDetail("tenants", result.outcomes().size())
			.withDetail("versions", result.countsByVersion())
			.withDetail("failed", failed.size())
			.withDetail("notStarted", result.notStarted().size());
		if (!failed.isEmpty()) {
			builder.withDetail("failedTenants",
					failed.stream()
						.limit(LISTED)
						.map((outcome) -> outcome.tenant() + ": "
								+ firstLine(String.valueOf(outcome.errorMessage(this.vocabulary))))
						.toList());
		}
	}

	private static String firstLine(String message) {
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

}
