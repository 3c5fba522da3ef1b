package dev.migrate.boot.actuate.endpoint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.InfoResult;
import dev.migrate.MigrationInfo;
import dev.migrate.MigrationState;
import dev.migrate.Migrator;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ApplicationContext;

/**
 * {@link Endpoint @Endpoint} that shows, for each application context and each
 * {@link Migrator} (one per migrated data source), every migration with its state:
 * applied, pending, failed, missing and the others of {@link MigrationState}. Read-only:
 * it reads the history tables and changes nothing.
 *
 * @since 0.1.0
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	private final ApplicationContext context;

	public MigrationsEndpoint(ApplicationContext context) {
		this.context = context;
	}

	@ReadOperation
	public MigrationsDescriptor migrations() {
		Map<@Nullable String, ContextMigratorsDescriptor> contexts = new LinkedHashMap<>();
		ApplicationContext target = this.context;
		while (target != null) {
			Map<String, MigratorDescriptor> migrators = new LinkedHashMap<>();
			target.getBeansOfType(Migrator.class)
				.forEach((name, migrator) -> migrators.put(name, new MigratorDescriptor(migrator.info())));
			ApplicationContext parent = target.getParent();
			contexts.put(target.getId(),
					new ContextMigratorsDescriptor(migrators, (parent != null) ? parent.getId() : null));
			target = parent;
		}
		return new MigrationsDescriptor(contexts);
	}

	/**
	 * Description of the migrations of an application and its ancestors.
	 */
	public static final class MigrationsDescriptor implements OperationResponseBody {

		private final Map<@Nullable String, ContextMigratorsDescriptor> contexts;

		private MigrationsDescriptor(Map<@Nullable String, ContextMigratorsDescriptor> contexts) {
			this.contexts = contexts;
		}

		public Map<@Nullable String, ContextMigratorsDescriptor> getContexts() {
			return this.contexts;
		}

	}

	/**
	 * Description of the {@link Migrator} beans of one application context.
	 */
	public static final class ContextMigratorsDescriptor {

		private final Map<String, MigratorDescriptor> migrators;

		private final @Nullable String parentId;

		private ContextMigratorsDescriptor(Map<String, MigratorDescriptor> migrators, @Nullable String parentId) {
			this.migrators = migrators;
			this.parentId = parentId;
		}

		public Map<String, MigratorDescriptor> getMigrators() {
			return this.migrators;
		}

		public @Nullable String getParentId() {
			return this.parentId;
		}

	}

	/**
	 * Description of one {@link Migrator}: its database, history table and migrations.
	 */
	public static final class MigratorDescriptor {

		private final String database;

		private final String historyTable;

		private final @Nullable String currentVersion;

		private final int pending;

		private final List<MigrationDescriptor> migrations;

		private MigratorDescriptor(InfoResult info) {
			this.database = info.database();
			this.historyTable = info.historyTable();
			this.currentVersion = (info.currentVersion() != null) ? info.currentVersion().toString() : null;
			this.pending = info.pending().size();
			this.migrations = info.migrations().stream().map(MigrationDescriptor::new).toList();
		}

		public String getDatabase() {
			return this.database;
		}

		public String getHistoryTable() {
			return this.historyTable;
		}

		public @Nullable String getCurrentVersion() {
			return this.currentVersion;
		}

		public int getPending() {
			return this.pending;
		}

		public List<MigrationDescriptor> getMigrations() {
			return this.migrations;
		}

	}

	/**
	 * Description of one migration, merged from the code and the history table.
	 */
	public static final class MigrationDescriptor {

		private final String version;

		private final String description;

		private final MigrationState state;

		private final @Nullable String beanName;

		private final @Nullable String className;

		private final @Nullable String checksum;

		private final boolean reversible;

		private final @Nullable Integer installedRank;

		private final @Nullable String installedBy;

		private final @Nullable Instant installedOn;

		private final @Nullable Long executionTime;

		private final @Nullable String rolledBackBy;

		private final @Nullable Instant rolledBackOn;

		private final @Nullable String errorMessage;

		private MigrationDescriptor(MigrationInfo info) {
			this.version = info.version().toString();
			this.description = info.description();
			this.state = info.state();
			this.beanName = info.beanName();
			this.className = info.className();
			this.checksum = info.checksum();
			this.reversible = info.reversible();
			this.installedRank = info.installedRank();
			this.installedBy = info.installedBy();
			this.installedOn = info.installedOn();
			this.executionTime = (info.executionTime() != null) ? info.executionTime().toMillis() : null;
			this.rolledBackBy = info.rolledBackBy();
			this.rolledBackOn = info.rolledBackOn();
			this.errorMessage = info.errorMessage();
		}

		public String getVersion() {
			return this.version;
		}

		public String getDescription() {
			return this.description;
		}

		public MigrationState getState() {
			return this.state;
		}

		public @Nullable String getBeanName() {
			return this.beanName;
		}

		public @Nullable String getClassName() {
			return this.className;
		}

		public @Nullable String getChecksum() {
			return this.checksum;
		}

		public boolean isReversible() {
			return this.reversible;
		}

		public @Nullable Integer getInstalledRank() {
			return this.installedRank;
		}

		public @Nullable String getInstalledBy() {
			return this.installedBy;
		}

		public @Nullable Instant getInstalledOn() {
			return this.installedOn;
		}

		/**
		 * How long the migration took, in milliseconds.
		 * @return the execution time, if applied
		 */
		public @Nullable Long getExecutionTime() {
			return this.executionTime;
		}

		public @Nullable String getRolledBackBy() {
			return this.rolledBackBy;
		}

		public @Nullable Instant getRolledBackOn() {
			return this.rolledBackOn;
		}

		public @Nullable String getErrorMessage() {
			return this.errorMessage;
		}

	}

}
