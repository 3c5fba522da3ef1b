package dev.migrate.tenant;

import java.util.List;

/**
 * Lists the tenants to migrate. Called on every migration of all tenants, so that a
 * tenant added since the last one (read from a registry table, say) is migrated.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface TenantSource {

	/**
	 * List the tenants.
	 * @return the tenants, each once
	 * @throws RuntimeException if they could not be read; nothing is migrated then
	 */
	List<Tenant> tenants();

	/**
	 * A fixed list of tenants.
	 * @param tenants the tenants
	 * @return the source
	 */
	static TenantSource of(List<Tenant> tenants) {
		List<Tenant> copy = List.copyOf(tenants);
		return () -> copy;
	}

}
