package dev.migrate.tenant;

import dev.migrate.Version;
import org.jspecify.annotations.Nullable;

/**
 * The state of one tenant, read from its history without changing anything.
 *
 * @param tenant the tenant's name
 * @param version its version, or {@code null} when nothing is applied (or it could not be
 * read)
 * @param pending how many migrations the next migrate would apply to it
 * @param failed whether its history holds a failed migration, which stops it until
 * repaired
 * @param error why its history could not be read, or {@code null}
 * @since 0.2.0
 */
public record TenantInfo(String tenant, @Nullable Version version, int pending, boolean failed,
		@Nullable String error) {

	/**
	 * Whether the tenant is at the latest version, without failure.
	 * @return {@code true} if nothing is pending or failed
	 */
	public boolean isUpToDate() {
		return this.pending == 0 && !this.failed && this.error == null;
	}

}
