package dev.migrate.boot.autoconfigure;

import java.util.stream.Collectors;

import dev.migrate.tenant.TenantInfo;
import dev.migrate.tenant.TenantInfoResult;
import dev.migrate.tenant.TenantMigrator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.util.Assert;

/**
 * {@link InitializingBean} that migrates every tenant while the application context
 * refreshes, before the beans that use the database are created; with
 * {@code migrate.on-startup=validate}, checks that every tenant is up to date instead.
 *
 * @since 0.2.0
 */
public class MigrateTenantsInitializer implements InitializingBean {

	private static final Log logger = LogFactory.getLog(MigrateTenantsInitializer.class);

	private static final int LISTED = 20;

	private final TenantMigrator tenantMigrator;

	private final MigrateStartupMode mode;

	private final boolean enabled;

	/**
	 * Create an initializer.
	 * @param tenantMigrator the tenant migrator
	 * @param mode what to do at start-up
	 * @param enabled whether to do anything (not with
	 * {@code migrate.tenants.enabled=false} or a {@code migrate.command})
	 */
	public MigrateTenantsInitializer(TenantMigrator tenantMigrator, MigrateStartupMode mode, boolean enabled) {
		Assert.notNull(tenantMigrator, "'tenantMigrator' must not be null");
		this.tenantMigrator = tenantMigrator;
		this.mode = mode;
		this.enabled = enabled;
	}

	@Override
	public void afterPropertiesSet() {
		if (!this.enabled) {
			return;
		}
		switch (this.mode) {
			case MIGRATE -> this.tenantMigrator.migrate();
			case VALIDATE -> validate();
			case NONE -> logger.debug("migrate.on-startup=none: tenants are not checked");
		}
	}

	private void validate() {
		TenantInfoResult info = this.tenantMigrator.info();
		if (info.isUpToDate()) {
			logger.info("All " + info.tenants().size() + " tenant(s) are up to date: " + info.countsByVersion());
			return;
		}
		String failed = names(info.failed().stream().map(TenantInfo::tenant).toList());
		String pending = names(info.pending().stream().map(TenantInfo::tenant).toList());
		throw new IllegalStateException("Tenants are not up to date (migrate.on-startup=validate): "
				+ info.failed().size() + " failed" + (failed.isEmpty() ? "" : " (" + failed + ")") + ", "
				+ info.pending().size() + " with pending migrations" + (pending.isEmpty() ? "" : " (" + pending + ")")
				+ ". Nothing was changed. Run the migration of the tenants first (an instance with"
				+ " migrate.on-startup=migrate), then start this one.");
	}

	/**
	 * The first names of a list, and how many more there are: what a report of thousands
	 * of tenants can show.
	 */
	static String names(java.util.List<String> names) {
		String listed = names.stream().limit(LISTED).collect(Collectors.joining(", "));
		return (names.size() > LISTED) ? listed + " and " + (names.size() - LISTED) + " more" : listed;
	}

}
