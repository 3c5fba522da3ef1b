package dev.migrate.boot.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.migrate.Version;
import dev.migrate.Vocabulary;
import dev.migrate.boot.autoconfigure.command.MigrateCommand;
import dev.migrate.boot.autoconfigure.command.MigrateCommandResult;
import dev.migrate.boot.autoconfigure.command.MigrateCommandRunner;
import dev.migrate.tenant.Tenant;
import dev.migrate.tenant.TenantInfo;
import dev.migrate.tenant.TenantInfoResult;
import dev.migrate.tenant.TenantMigrationResult;
import dev.migrate.tenant.TenantMigrator;
import dev.migrate.tenant.TenantOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@code --migrate.command} on the tenants: on one, as on any database; on all of
 * them, {@code migrate} with the parallelism and failure policy of start-up, {@code info}
 * as a summary, and every other command tenant after tenant, a command that changes them
 * stopping at the first failure.
 */
final class MigrateTenantsCommand {

	private static final Vocabulary VOCABULARY = MigratePropertiesVocabulary.INSTANCE;

	private final MigrateCommand command;

	private final @Nullable String target;

	private final @Nullable Integer steps;

	private final @Nullable Path planOutput;

	private final TenantMigrator tenants;

	private final @Nullable Tenant one;

	MigrateTenantsCommand(MigrateCommand command, @Nullable String target, @Nullable Integer steps,
			@Nullable Path planOutput, TenantMigrator tenants, @Nullable Tenant one) {
		this.command = command;
		this.target = target;
		this.steps = steps;
		this.planOutput = planOutput;
		this.tenants = tenants;
		this.one = one;
	}

	MigrateCommandResult run() {
		try {
			Tenant chosen = this.one;
			if (chosen != null) {
				return runOn(chosen);
			}
			return switch (this.command) {
				case INFO -> info();
				case MIGRATE -> migrateAll();
				default -> eachTenant();
			};
		}
		catch (RuntimeException ex) {
			return MigrateCommandRunner.failed(this.command, ex, VOCABULARY);
		}
	}

	private MigrateCommandResult runOn(Tenant tenant) {
		if (this.command == MigrateCommand.MIGRATE && this.target == null) {
			// As on sign-up: creates the tenant's schema if it is missing.
			TenantOutcome outcome = this.tenants.migrate(tenant);
			return success(title() + ": tenant '" + tenant.name() + "', " + outcome.applied()
					+ ((outcome.applied() == 1) ? " migration" : " migrations") + " applied, version "
					+ display(outcome.versionBefore()) + " -> " + display(outcome.version()) + " ("
					+ outcome.time().toMillis() + " ms)");
		}
		return new MigrateCommandRunner(this.tenants.migrator(tenant), this.target, this.steps, this.planOutput,
				VOCABULARY)
			.run(this.command);
	}

	private MigrateCommandResult info() {
		TenantInfoResult info = this.tenants.info();
		StringBuilder report = new StringBuilder(title()).append(": ")
			.append(info.tenants().size())
			.append(" tenant(s), by version ")
			.append(info.countsByVersion())
			.append(", ")
			.append(info.pending().size())
			.append(" with pending migrations")
			.append(listed(info.pending(), TenantInfo::tenant))
			.append(", ")
			.append(info.failed().size())
			.append(" failed")
			.append(listed(info.failed(), TenantInfo::tenant))
			.append('.');
		for (TenantInfo failed : info.failed()) {
			if (failed.error() != null) {
				report.append(System.lineSeparator())
					.append("  - ")
					.append(failed.tenant())
					.append(": ")
					.append(failed.error());
			}
		}
		report.append(System.lineSeparator())
			.append("One tenant's migrations: --migrate.command=info --migrate.tenant=<name>.");
		return success(report.toString());
	}

	private MigrateCommandResult migrateAll() {
		if (this.target != null) {
			return new MigrateCommandResult(this.command, MigrateCommandResult.MISCONFIGURED, title()
					+ " did not run on the tenants: migrate.target=" + this.target
					+ " is not supported for all tenants at once. Choose one with migrate.tenant, or clear migrate.target."
					+ " Nothing was changed in the tenants.", null);
		}
		TenantMigrationResult result = this.tenants.migrate();
		StringBuilder report = new StringBuilder(title()).append(": ").append(result.summary());
		for (TenantOutcome failed : result.failed()) {
			report.append(System.lineSeparator())
				.append("  - ")
				.append(failed.tenant())
				.append(": ")
				.append(failed.errorMessage(VOCABULARY));
		}
		if (result.isSuccessful()) {
			return success(report.toString());
		}
		// migrate.tenants.fail-on-error=false lets start-up go on; a command still says
		// that tenants failed.
		return new MigrateCommandResult(this.command, MigrateCommandResult.FAILED, report.toString(), null);
	}

	private MigrateCommandResult eachTenant() {
		List<Tenant> listed = this.tenants.tenants();
		boolean changes = this.command.changesDatabase();
		StringBuilder body = new StringBuilder();
		int done = 0;
		List<String> failed = new ArrayList<>();
		int notRun = 0;
		MigrateCommandResult firstFailure = null;
		for (Tenant tenant : listed) {
			if (firstFailure != null && changes) {
				notRun++;
				continue;
			}
			MigrateCommandResult result = new MigrateCommandRunner(this.tenants.migrator(tenant), this.target,
					this.steps, null, VOCABULARY)
				.run(this.command);
			if (result.isSuccess()) {
				done++;
				if (this.command == MigrateCommand.VALIDATE) {
					// Only the tenants with problems are worth reading among thousands.
					continue;
				}
			}
			else {
				failed.add(tenant.name());
				if (firstFailure == null) {
					firstFailure = result;
				}
			}
			body.append(System.lineSeparator())
				.append(System.lineSeparator())
				.append("-- tenant '")
				.append(tenant.name())
				.append("': ");
			body.append(result.report());
		}
		StringBuilder report = new StringBuilder(title()).append(" on ")
			.append(listed.size())
			.append(" tenant(s): ")
			.append(done)
			.append(" done");
		if (!failed.isEmpty()) {
			report.append(", ")
				.append(failed.size())
				.append(" failed (")
				.append(MigrateTenantsInitializer.names(failed))
				.append(')');
		}
		if (notRun > 0) {
			report.append(", ")
				.append(notRun)
				.append(" not run, left as they were (")
				.append(title())
				.append(" stops at the first failure)");
		}
		report.append('.').append(body);
		return (firstFailure != null) ? new MigrateCommandResult(this.command, firstFailure.exitCode(),
				report.toString(), firstFailure.failure()) : success(report.toString());
	}

	private MigrateCommandResult success(String report) {
		return new MigrateCommandResult(this.command, MigrateCommandResult.SUCCESS, report, null);
	}

	private String title() {
		return "migrate " + this.command.name().toLowerCase(Locale.ROOT);
	}

	private static <T> String listed(List<T> items, Function<T, String> name) {
		return items.isEmpty() ? "" : " (" + MigrateTenantsInitializer.names(items.stream().map(name).toList()) + ")";
	}

	private static String display(@Nullable Version version) {
		return (version != null) ? version.toString() : "<empty>";
	}

}
