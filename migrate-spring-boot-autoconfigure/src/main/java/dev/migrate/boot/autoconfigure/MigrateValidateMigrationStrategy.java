package dev.migrate.boot.autoconfigure;

import java.util.List;

import dev.migrate.MigrationInfo;
import dev.migrate.Migrator;
import dev.migrate.ValidationResult;
import dev.migrate.Version;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * {@link MigrateMigrationStrategy} of {@code migrate.on-startup=validate}: applies
 * nothing, and stops the start-up with a {@link MigrationsNotReadyException} when a
 * migration up to the target version is pending, or when validation finds a failed,
 * missing or changed migration. Meant for application instances that another step
 * migrates for, such as a Kubernetes Job that starts the application with
 * {@code migrate.command=migrate}. Takes no lock and writes nothing.
 *
 * @since 0.1.0
 */
public class MigrateValidateMigrationStrategy implements MigrateMigrationStrategy {

	private static final Log logger = LogFactory.getLog(MigrateValidateMigrationStrategy.class);

	private final @Nullable Version target;

	/**
	 * Create a strategy.
	 * @param target the highest version that must be applied ({@code migrate.target}), or
	 * {@code null} (or blank) for all
	 */
	public MigrateValidateMigrationStrategy(@Nullable String target) {
		this.target = StringUtils.hasText(target) ? Version.parse(target.trim()) : null;
	}

	@Override
	public void migrate(Migrator migrator) {
		ValidationResult validation = migrator.validate();
		List<MigrationInfo> pending = validation.info()
			.pending()
			.stream()
			.filter((migration) -> this.target == null || !migration.version().isAfter(this.target))
			.toList();
		if (!pending.isEmpty() || !validation.isValid()) {
			throw new MigrationsNotReadyException(validation.info().historyTable(), validation.info().currentVersion(),
					pending.stream().map(MigrationInfo::version).toList(), validation.problems());
		}
		logger.info("Validated " + validation.info().historyTable() + " at version "
				+ ((validation.info().currentVersion() != null) ? validation.info().currentVersion() : "none")
				+ ": nothing pending" + ((this.target != null) ? " up to version " + this.target : "")
				+ ", nothing applied (migrate.on-startup=validate)");
	}

}
