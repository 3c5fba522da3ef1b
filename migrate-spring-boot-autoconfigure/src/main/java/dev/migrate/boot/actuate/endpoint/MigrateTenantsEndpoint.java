package dev.migrate.boot.actuate.endpoint;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrate.tenant.TenantInfo;
import dev.migrate.tenant.TenantInfoResult;
import dev.migrate.tenant.TenantMigrator;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.util.Assert;

/**
 * {@link Endpoint @Endpoint} that summarises the tenants: how many are at each version,
 * and the pending and failed ones, a page at a time
 * ({@code /actuator/migratetenants?state=pending&page=0&size=100}). Reads every tenant's
 * history on each request, without locks and without changing anything.
 *
 * @since 0.2.0
 */
@Endpoint(id = "migratetenants")
public class MigrateTenantsEndpoint {

	/** Tenants listed per page unless asked otherwise. */
	public static final int DEFAULT_PAGE_SIZE = 100;

	private final TenantMigrator tenantMigrator;

	/**
	 * Create the endpoint.
	 * @param tenantMigrator the tenant migrator
	 */
	public MigrateTenantsEndpoint(TenantMigrator tenantMigrator) {
		Assert.notNull(tenantMigrator, "'tenantMigrator' must not be null");
		this.tenantMigrator = tenantMigrator;
	}

	/**
	 * Summarise the tenants.
	 * @param state which tenants to list: {@code pending}, {@code failed} (default) or
	 * {@code all}
	 * @param page the page, from 0
	 * @param size tenants per page
	 * @return the summary
	 */
	@ReadOperation
	public TenantsDescriptor tenants(@Nullable String state, @Nullable Integer page, @Nullable Integer size) {
		TenantInfoResult info = this.tenantMigrator.info();
		String listed = (state != null) ? state.toLowerCase(Locale.ROOT) : "failed";
		List<TenantInfo> tenants = switch (listed) {
			case "pending" -> info.pending();
			case "all" -> info.tenants();
			case "failed" -> info.failed();
			default -> throw new IllegalArgumentException("state must be pending, failed or all, was '" + state + "'");
		};
		int pageNumber = (page != null) ? page : 0;
		int pageSize = (size != null) ? size : DEFAULT_PAGE_SIZE;
		return new TenantsDescriptor(info.tenants().size(), info.countsByVersion(), info.pending().size(),
				info.failed().size(), listed, pageNumber, pageSize, tenants.size(),
				TenantInfoResult.page(tenants, pageNumber, pageSize).stream().map(TenantDescriptor::new).toList());
	}

	/**
	 * The tenants' summary.
	 */
	public static final class TenantsDescriptor implements OperationResponseBody {

		private final int total;

		private final Map<String, Long> versions;

		private final int pending;

		private final int failed;

		private final String listed;

		private final int page;

		private final int size;

		private final int listedTotal;

		private final List<TenantDescriptor> tenants;

		TenantsDescriptor(int total, Map<String, Long> versions, int pending, int failed, String listed, int page,
				int size, int listedTotal, List<TenantDescriptor> tenants) {
			this.total = total;
			this.versions = versions;
			this.pending = pending;
			this.failed = failed;
			this.listed = listed;
			this.page = page;
			this.size = size;
			this.listedTotal = listedTotal;
			this.tenants = tenants;
		}

		public int getTotal() {
			return this.total;
		}

		public Map<String, Long> getVersions() {
			return this.versions;
		}

		public int getPending() {
			return this.pending;
		}

		public int getFailed() {
			return this.failed;
		}

		public String getListed() {
			return this.listed;
		}

		public int getPage() {
			return this.page;
		}

		public int getSize() {
			return this.size;
		}

		public int getListedTotal() {
			return this.listedTotal;
		}

		public List<TenantDescriptor> getTenants() {
			return this.tenants;
		}

	}

	/**
	 * One tenant.
	 */
	public static final class TenantDescriptor {

		private final String name;

		private final @Nullable String version;

		private final int pending;

		private final boolean failed;

		private final @Nullable String error;

		TenantDescriptor(TenantInfo info) {
			this.name = info.tenant();
			this.version = (info.version() != null) ? info.version().toString() : null;
			this.pending = info.pending();
			this.failed = info.failed();
			this.error = info.error();
		}

		public String getName() {
			return this.name;
		}

		public @Nullable String getVersion() {
			return this.version;
		}

		public int getPending() {
			return this.pending;
		}

		public boolean isFailed() {
			return this.failed;
		}

		public @Nullable String getError() {
			return this.error;
		}

	}

}
