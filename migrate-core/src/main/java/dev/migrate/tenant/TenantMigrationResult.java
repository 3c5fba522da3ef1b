package dev.migrate.tenant;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.migrate.tenant.TenantOutcome.Status;

/**
 * What the migration of all tenants did, tenant by tenant.
 *
 * @param outcomes one per tenant, in the order the tenant source listed them
 * @param totalTime how long it took
 * @since 0.2.0
 */
public record TenantMigrationResult(List<TenantOutcome> outcomes, Duration totalTime) {

	public TenantMigrationResult {
		outcomes = List.copyOf(outcomes);
	}

	/**
	 * Tenants to which this instance applied migrations.
	 * @return the outcomes
	 */
	public List<TenantOutcome> migrated() {
		return inStatus(Status.MIGRATED);
	}

	/**
	 * Tenants that needed nothing when this instance looked at them.
	 * @return the outcomes
	 */
	public List<TenantOutcome> upToDate() {
		return inStatus(Status.UP_TO_DATE);
	}

	/**
	 * Tenants whose migration failed, each with its error.
	 * @return the outcomes
	 */
	public List<TenantOutcome> failed() {
		return inStatus(Status.FAILED);
	}

	/**
	 * Tenants not started because another failed first.
	 * @return the outcomes
	 */
	public List<TenantOutcome> notStarted() {
		return inStatus(Status.NOT_STARTED);
	}

	/**
	 * Tenants in a status.
	 * @param status the status
	 * @return their outcomes
	 */
	public List<TenantOutcome> inStatus(Status status) {
		return this.outcomes.stream().filter((outcome) -> outcome.status() == status).toList();
	}

	/**
	 * How many tenants are at each version, for those migrated or up to date.
	 * @return the counts, by version ascending; {@code "<empty>"} counts tenants with
	 * nothing applied
	 */
	public Map<String, Long> countsByVersion() {
		return TenantInfoResult.countByVersion(this.outcomes.stream()
			.filter((outcome) -> outcome.status() == Status.MIGRATED || outcome.status() == Status.UP_TO_DATE)
			.map(TenantOutcome::version)
			.toList());
	}

	/**
	 * How many times a tenant's lock was held by another instance and the tenant was put
	 * back in the queue.
	 * @return the number of deferrals
	 */
	public int deferrals() {
		return this.outcomes.stream().mapToInt(TenantOutcome::deferrals).sum();
	}

	/**
	 * Whether every tenant is migrated or up to date.
	 * @return {@code true} if none failed or was left out
	 */
	public boolean isSuccessful() {
		return failed().isEmpty() && notStarted().isEmpty();
	}

	/**
	 * A one-line summary.
	 * @return the summary
	 */
	public String summary() {
		return "tenants " + (migrated().size() + upToDate().size()) + "/" + this.outcomes.size() + " migrated ("
				+ migrated().size() + " changed by this instance, " + upToDate().size() + " up to date), "
				+ failed().size() + " failed, " + notStarted().size() + " not started, in " + this.totalTime.toMillis()
				+ " ms";
	}

}
