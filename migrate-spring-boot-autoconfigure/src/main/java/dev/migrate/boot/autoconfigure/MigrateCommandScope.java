package dev.migrate.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.MigrateConfigurationException;
import dev.migrate.Migrator;
import dev.migrate.tenant.Tenant;
import dev.migrate.tenant.TenantMigrator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.StringUtils;

/**
 * What a {@code --migrate.command} works on: by default the primary database, every
 * database of {@code migrate.databases} and every tenant, in that order; or the one
 * chosen with {@code migrate.database} (and {@code migrate.tenant}).
 */
final class MigrateCommandScope {

	/** The name {@code migrate.database} gives the primary database. */
	static final String PRIMARY = "primary";

	/** The name {@code migrate.database} gives the tenants. */
	static final String TENANTS = "tenants";

	private final @Nullable String database;

	private final @Nullable String tenant;

	private final ObjectProvider<MigrateDatabases> databases;

	private final ObjectProvider<TenantMigrator> tenants;

	private final MigrateProperties.Tenants tenantSettings;

	MigrateCommandScope(@Nullable String database, @Nullable String tenant, ObjectProvider<MigrateDatabases> databases,
			ObjectProvider<TenantMigrator> tenants, MigrateProperties.Tenants tenantSettings) {
		this.database = StringUtils.hasText(database) ? database.trim() : null;
		this.tenant = StringUtils.hasText(tenant) ? tenant.trim() : null;
		this.databases = databases;
		this.tenants = tenants;
		this.tenantSettings = tenantSettings;
	}

	/**
	 * Whether a database or tenant is chosen.
	 * @return {@code true} if {@code migrate.database} or {@code migrate.tenant} is set
	 */
	boolean isChosen() {
		return this.database != null || this.tenant != null;
	}

	/**
	 * The parts a command runs on, in order.
	 * @param primary the primary database's migrator
	 * @return the parts; one without a heading when the application migrates only its
	 * primary database and nothing is chosen
	 * @throws MigrateConfigurationException if the chosen database or tenant is not
	 * configured
	 */
	List<Part> parts(Migrator primary) {
		MigrateDatabases others = this.databases.getIfAvailable();
		TenantMigrator tenantMigrator = this.tenants.getIfAvailable();
		if (this.tenant != null) {
			if (this.database != null && !isTenants(this.database)) {
				throw misconfigured(
						"migrate.tenant=" + this.tenant + " names a tenant, but migrate.database=" + this.database
								+ " names a database that is not the tenants'.",
						"Clear migrate.database, or set it to " + tenantsName() + ".");
			}
			if (tenantMigrator == null) {
				throw misconfigured("migrate.tenant=" + this.tenant + " names a tenant, but no tenants are configured.",
						"List them with migrate.tenants.names or provide a TenantSource bean, or clear migrate.tenant.");
			}
			return List.of(new TenantsPart(tenantMigrator, find(tenantMigrator, this.tenant)));
		}
		if (this.database != null) {
			if (this.database.equalsIgnoreCase(PRIMARY)) {
				return List.of(new DatabasePart("primary database", primary));
			}
			if (others != null && others.getNames().contains(this.database)) {
				return List.of(databasePart(this.database, others.getMigrator(this.database)));
			}
			if (tenantMigrator != null && isTenants(this.database)) {
				return List.of(new TenantsPart(tenantMigrator, null));
			}
			List<String> choices = new ArrayList<>();
			choices.add(PRIMARY);
			if (others != null) {
				choices.addAll(others.getNames());
			}
			if (tenantMigrator != null) {
				choices.add(tenantsName());
			}
			throw misconfigured("migrate.database=" + this.database + " names no database that is migrated.",
					"Choose one of " + String.join(", ", choices)
							+ " (a database of migrate.databases that is disabled cannot be chosen), or clear"
							+ " migrate.database to work on all of them.");
		}
		List<Part> parts = new ArrayList<>();
		TenantMigrator included = this.tenantSettings.isEnabled() ? tenantMigrator : null;
		if (others == null && included == null) {
			parts.add(new DatabasePart(null, primary));
			return parts;
		}
		parts.add(new DatabasePart("primary database", primary));
		if (others != null) {
			others.getMigrators().forEach((name, migrator) -> parts.add(databasePart(name, migrator)));
		}
		if (included != null) {
			parts.add(new TenantsPart(included, null));
		}
		return parts;
	}

	private static DatabasePart databasePart(String name, Migrator migrator) {
		return new DatabasePart("database '" + name + "' (migrate.databases." + name + ")", migrator);
	}

	private boolean isTenants(String name) {
		return name.equalsIgnoreCase(TENANTS) || name.equals(this.tenantSettings.getDatabase());
	}

	private String tenantsName() {
		return StringUtils.hasText(this.tenantSettings.getDatabase()) ? this.tenantSettings.getDatabase() : TENANTS;
	}

	private static Tenant find(TenantMigrator tenantMigrator, String name) {
		List<Tenant> listed = tenantMigrator.tenants();
		for (Tenant candidate : listed) {
			if (candidate.name().equalsIgnoreCase(name)) {
				return candidate;
			}
		}
		String names = MigrateTenantsInitializer.names(listed.stream().map(Tenant::name).toList());
		throw misconfigured(
				"migrate.tenant=" + name + " is not one of the " + listed.size() + " tenant(s) listed"
						+ (listed.isEmpty() ? "" : " (" + names + ")") + ".",
				"Name a tenant that migrate.tenants.names or the TenantSource lists; a tenant that signs up is"
						+ " listed there first.");
	}

	private static MigrateConfigurationException misconfigured(String what, String resolution) {
		return new MigrateConfigurationException(
				new Diagnosis(Text.of(what), Text.of("Nothing was changed in any database."), Text.of(resolution)));
	}

	/**
	 * A part of the scope: a database, or the tenants.
	 */
	sealed interface Part permits DatabasePart, TenantsPart {

		/**
		 * What the report calls it.
		 * @return the heading, or {@code null} when the application migrates only its
		 * primary database
		 */
		@Nullable String heading();

	}

	/**
	 * One database and its migrator.
	 *
	 * @param heading what the report calls it, or {@code null} when it is the only one
	 * @param migrator its migrator
	 */
	record DatabasePart(@Nullable String heading, Migrator migrator) implements Part {

	}

	/**
	 * The tenants: all of them, or one.
	 *
	 * @param migrator the tenant migrator
	 * @param one the chosen tenant, or {@code null} for every tenant
	 */
	record TenantsPart(TenantMigrator migrator, @Nullable Tenant one) implements Part {

		@Override
		public String heading() {
			Tenant chosen = this.one;
			return (chosen != null) ? "tenant '" + chosen.name() + "'" : "tenants";
		}

	}

}
