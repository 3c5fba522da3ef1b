package dev.migrate.boot.actuate.endpoint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.migrate.InfoResult;
import dev.migrate.MigrationInfo;
import dev.migrate.MigrationState;
import dev.migrate.Migrator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.Assert;

/**
 * {@link Endpoint @Endpoint} that shows, for each application context, every migration
 * with its state (applied, pending, failed, missing and the others of
 * {@link MigrationState}): under {@code migrators}, those of each {@link Migrator} bean
 * (one per migrated data source); under {@code databases}, those of each database
 * migrated besides them ({@code migrate.databases.<name>}). Read-only: it reads the
 * history tables and changes nothing. A database that cannot be read is listed with the
 * {@code error} that stopped it, and the others are still described.
 *
 * @since 0.1.0
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	private static final Log logger = LogFactory.getLog(MigrationsEndpoint.class);

	private final ApplicationContext context;

	private final Function<ApplicationContext, Map<String, Migrator>> databases;

	/**
	 * Create an endpoint that describes the {@link Migrator} beans of each context; its
	 * {@code databases} are empty. The auto-configured endpoint is created with
	 * {@link #MigrationsEndpoint(ApplicationContext, Function)} and lists them.
	 * @param context the application context, whose ancestors are described too
	 */
	@Autowired // the constructor Spring uses when the endpoint is declared by its class
	public MigrationsEndpoint(ApplicationContext context) {
		this(context, (target) -> Map.of());
	}

	/**
	 * Create an endpoint that describes the {@link Migrator} beans of each context and
	 * the databases it migrates besides them.
	 * @param context the application context, whose ancestors are described too
	 * @param databases the migrator of each database a context migrates besides its
	 * {@link Migrator} beans, by database name (those of {@code migrate.databases});
	 * called once per context and request, it must not look into the context's ancestors
	 * @since 0.2.0
	 */
	public MigrationsEndpoint(ApplicationContext context,
			Function<ApplicationContext, Map<String, Migrator>> databases) {
		Assert.notNull(context, "'context' must not be null");
		Assert.notNull(databases, "'databases' must not be null");
		this.context = context;
		this.databases = databases;
	}

	@ReadOperation
	public MigrationsDescriptor migrations() {
		Map<@Nullable String, ContextMigratorsDescriptor> contexts = new LinkedHashMap<>();
		ApplicationContext target = this.context;
		while (target != null) {
			Map<String, MigratorDescriptor> migrators = new LinkedHashMap<>();
			target.getBeansOfType(Migrator.class).forEach((name, migrator) -> migrators.put(name, describe(migrator)));
			Map<String, MigratorDescriptor> databases = new LinkedHashMap<>();
			this.databases.apply(target).forEach((name, migrator) -> databases.put(name, describe(migrator)));
			ApplicationContext parent = target.getParent();
			contexts.put(target.getId(),
					new ContextMigratorsDescriptor(migrators, databases, (parent != null) ? parent.getId() : null));
			target = parent;
		}
		return new MigrationsDescriptor(contexts);
	}

	// One database that cannot be read (down, no permission) must not hide the others.
	private static MigratorDescriptor describe(Migrator migrator) {
		try {
			return new MigratorDescriptor(migrator.info());
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the migrations of a database", ex);
			return new MigratorDescriptor(errorMessage(ex));
		}
	}

	private static String errorMessage(RuntimeException ex) {
		String message = ex.getMessage();
		// Spring's data access exceptions leave the driver's reason to their cause.
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		String reason = cause.getMessage();
		if (cause != ex && reason != null && (message == null || !message.contains(reason))) {
			message = (message != null) ? message + ": " + reason : reason;
		}
		return (message != null) ? message : ex.getClass().getName();
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
	 * Description of the {@link Migrator} beans of one application context, and of the
	 * databases it migrates besides them.
	 */
	public static final class ContextMigratorsDescriptor {

		private final Map<String, MigratorDescriptor> migrators;

		private final Map<String, MigratorDescriptor> databases;

		private final @Nullable String parentId;

		private ContextMigratorsDescriptor(Map<String, MigratorDescriptor> migrators,
				Map<String, MigratorDescriptor> databases, @Nullable String parentId) {
			this.migrators = migrators;
			this.databases = databases;
			this.parentId = parentId;
		}

		/**
		 * The {@link Migrator} beans, by bean name.
		 * @return the migrators
		 */
		public Map<String, MigratorDescriptor> getMigrators() {
			return this.migrators;
		}

		/**
		 * The databases migrated besides the {@link Migrator} beans, by their name under
		 * {@code migrate.databases}.
		 * @return the databases, empty when there are none
		 * @since 0.2.0
		 */
		public Map<String, MigratorDescriptor> getDatabases() {
			return this.databases;
		}

		public @Nullable String getParentId() {
			return this.parentId;
		}

	}

	/**
	 * Description of one {@link Migrator}: its database, history table and migrations;
	 * or, when they could not be read, only the {@link #getError() error}.
	 */
	public static final class MigratorDescriptor {

		private final @Nullable String database;

		private final @Nullable String historyTable;

		private final @Nullable String currentVersion;

		private final @Nullable Integer pending;

		private final @Nullable List<MigrationDescriptor> migrations;

		private final @Nullable String error;

		private MigratorDescriptor(InfoResult info) {
			this.database = info.database();
			this.historyTable = info.historyTable();
			this.currentVersion = (info.currentVersion() != null) ? info.currentVersion().toString() : null;
			this.pending = info.pending().size();
			this.migrations = info.migrations().stream().map(MigrationDescriptor::new).toList();
			this.error = null;
		}

		private MigratorDescriptor(String error) {
			this.database = null;
			this.historyTable = null;
			this.currentVersion = null;
			this.pending = null;
			this.migrations = null;
			this.error = error;
		}

		/**
		 * The name of the database product.
		 * @return the database, or {@code null} when it could not be read
		 */
		public @Nullable String getDatabase() {
			return this.database;
		}

		/**
		 * The qualified name of the history table.
		 * @return the history table, or {@code null} when it could not be read
		 */
		public @Nullable String getHistoryTable() {
			return this.historyTable;
		}

		public @Nullable String getCurrentVersion() {
			return this.currentVersion;
		}

		/**
		 * How many migrations the next migrate would apply.
		 * @return the number of pending migrations, or {@code null} when they could not
		 * be read
		 */
		public @Nullable Integer getPending() {
			return this.pending;
		}

		/**
		 * The migrations, in the code or the history, ordered by version.
		 * @return the migrations, or {@code null} when they could not be read
		 */
		public @Nullable List<MigrationDescriptor> getMigrations() {
			return this.migrations;
		}

		/**
		 * Why the migrations could not be read, such as a database that is down.
		 * @return the error's message, or {@code null} when they were read
		 * @since 0.2.0
		 */
		public @Nullable String getError() {
			return this.error;
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
