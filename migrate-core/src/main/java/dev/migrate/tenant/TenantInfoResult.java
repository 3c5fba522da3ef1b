package dev.migrate.tenant;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.migrate.Version;
import org.jspecify.annotations.Nullable;

/**
 * The state of every tenant, read without changing anything: for an endpoint or a health
 * check that summarises thousands of tenants.
 *
 * @param tenants one per tenant, in the order the tenant source listed them
 * @since 0.2.0
 */
public record TenantInfoResult(List<TenantInfo> tenants) {

	/** Key of tenants with nothing applied in {@link #countsByVersion()}. */
	public static final String EMPTY = "<empty>";

	public TenantInfoResult {
		tenants = List.copyOf(tenants);
	}

	/**
	 * How many tenants are at each version.
	 * @return the counts, by version ascending; {@link #EMPTY} counts tenants with
	 * nothing applied
	 */
	public Map<String, Long> countsByVersion() {
		return countByVersion(
				this.tenants.stream().filter((tenant) -> tenant.error() == null).map(TenantInfo::version).toList());
	}

	/**
	 * Tenants with migrations to apply.
	 * @return the tenants
	 */
	public List<TenantInfo> pending() {
		return this.tenants.stream().filter((tenant) -> tenant.pending() > 0).toList();
	}

	/**
	 * Tenants with a failed migration, or whose history could not be read.
	 * @return the tenants
	 */
	public List<TenantInfo> failed() {
		return this.tenants.stream().filter((tenant) -> tenant.failed() || tenant.error() != null).toList();
	}

	/**
	 * Whether every tenant is up to date.
	 * @return {@code true} if none has pending or failed migrations
	 */
	public boolean isUpToDate() {
		return this.tenants.stream().allMatch(TenantInfo::isUpToDate);
	}

	/**
	 * One page of a list of tenants.
	 * @param tenants the tenants, such as {@link #pending()}
	 * @param page the page, from 0
	 * @param size the page size, at least 1
	 * @return the tenants of that page, empty past the end
	 */
	public static List<TenantInfo> page(List<TenantInfo> tenants, int page, int size) {
		if (page < 0 || size < 1) {
			throw new IllegalArgumentException(
					"page must be 0 or more and size 1 or more, were " + page + " and " + size);
		}
		long from = (long) page * size;
		if (from >= tenants.size()) {
			return List.of();
		}
		return tenants.subList((int) from, (int) Math.min(tenants.size(), from + size));
	}

	static Map<String, Long> countByVersion(List<@Nullable Version> versions) {
		Map<@Nullable Version, Long> counts = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
		for (Version version : versions) {
			counts.merge(version, 1L, Long::sum);
		}
		Map<String, Long> byName = new LinkedHashMap<>();
		counts.forEach((version, count) -> byName.put(Objects.toString(version, EMPTY), count));
		return byName;
	}

}
