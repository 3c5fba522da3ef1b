package dev.migrate.tenant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.InfoResult;
import dev.migrate.MigrateConfigurationException;
import dev.migrate.MigrateDefaults;
import dev.migrate.MigrateException;
import dev.migrate.MigrationLockException;
import dev.migrate.MigrationState;
import dev.migrate.Migrator;
import dev.migrate.OperationResult;
import dev.migrate.Remedy;
import dev.migrate.Setting;
import dev.migrate.Vocabulary;
import dev.migrate.dialect.Ddl;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.Dialects;
import dev.migrate.tenant.TenantOutcome.Status;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.Assert;

/**
 * Applies one set of migrations to many tenants: schemas of one database, or databases of
 * their own. Each tenant has its own history table and lock, in its schema or database.
 * Tenants are migrated a few at a time; a tenant whose lock another instance holds is put
 * back in the queue and taken up again later, so instances starting together share the
 * work and no tenant is migrated twice. A failed tenant holds no lock and blocks no
 * other.
 *
 * <pre class="code">
 * TenantMigrator tenants = TenantMigrator
 *     .builder(() -&gt; registry.tenantNames().stream().map(Tenant::schema).toList(),
 *             (tenant, dataSource) -&gt; Migrator.builder(dataSource).migrations(migrations))
 *     .dataSource(dataSource)
 *     .parallelism(4)
 *     .build();
 * tenants.migrate();               // every tenant, at start-up
 * tenants.migrate(Tenant.schema("acme")); // one tenant, on sign-up
 * </pre>
 *
 * Thread-safe; usable without Spring Boot.
 *
 * @since 0.2.0
 */
public final class TenantMigrator {

	private static final Log logger = LogFactory.getLog(TenantMigrator.class);

	/** Lock timeout of the migrators of a fan-out: one try, then the next tenant. */
	private static final Duration TRY_LOCK = Duration.ofMillis(1);

	private static final Duration MAX_REQUEUE_DELAY = Duration.ofSeconds(1);

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,57}");

	private final TenantSource source;

	private final MigratorFactory factory;

	private final @Nullable DataSource dataSource;

	private final int parallelism;

	private final FailurePolicy failurePolicy;

	private final boolean failOnError;

	private final Duration lockTimeout;

	private final Duration progressInterval;

	private final Vocabulary vocabulary;

	private final Map<String, SchemaDataSource> schemaDataSources = new ConcurrentHashMap<>();

	private volatile @Nullable Dialect sharedDialect;

	private volatile @Nullable TenantMigrationResult lastResult;

	private TenantMigrator(Builder builder) {
		this.source = builder.source;
		this.factory = builder.factory;
		this.dataSource = builder.dataSource;
		this.parallelism = builder.parallelism;
		this.failurePolicy = builder.failurePolicy;
		this.failOnError = builder.failOnError;
		this.lockTimeout = builder.lockTimeout;
		this.progressInterval = builder.progressInterval;
		this.vocabulary = builder.vocabulary;
	}

	/**
	 * Start building a tenant migrator.
	 * @param source lists the tenants
	 * @param factory starts the migrator of each tenant
	 * @return the builder
	 */
	public static Builder builder(TenantSource source, MigratorFactory factory) {
		Assert.notNull(source, "'source' must not be null");
		Assert.notNull(factory, "'factory' must not be null");
		return new Builder(source, factory);
	}

	/**
	 * List the tenants from the source, checked: each a plain identifier, named once, in
	 * its own schema. Touches no database.
	 * @return the tenants
	 * @throws MigrateConfigurationException if the source fails or lists invalid tenants
	 */
	public List<Tenant> tenants() {
		List<Tenant> tenants;
		try {
			tenants = this.source.tenants();
		}
		catch (RuntimeException ex) {
			throw invalid("The tenant source (", Remedy.change(Setting.TENANTS), ") failed: " + ex.getMessage(), ex);
		}
		if (tenants == null) {
			throw invalid("The tenant source (", Remedy.change(Setting.TENANTS), ") returned null instead of a list",
					null);
		}
		List<String> problems = new ArrayList<>();
		Map<String, String> names = new HashMap<>();
		Map<String, String> schemas = new HashMap<>();
		for (Tenant tenant : tenants) {
			if (tenant == null) {
				problems.add("a null tenant is listed");
				continue;
			}
			if (!PLAIN_IDENTIFIER.matcher(tenant.name()).matches()) {
				problems.add("tenant name '" + tenant.name() + "' is not a plain identifier");
			}
			else if (names.putIfAbsent(tenant.name().toLowerCase(Locale.ROOT), tenant.name()) != null) {
				problems.add("tenant '" + tenant.name() + "' is listed twice (names differing only in case count as"
						+ " the same)");
			}
			String schema = tenant.schema();
			if (schema != null) {
				if (!PLAIN_IDENTIFIER.matcher(schema).matches() && !schema.equals(tenant.name())) {
					problems.add("schema '" + schema + "' of tenant '" + tenant.name() + "' is not a plain identifier");
				}
				else {
					String other = schemas.putIfAbsent(schema.toLowerCase(Locale.ROOT), tenant.name());
					if (other != null && !other.equalsIgnoreCase(tenant.name())) {
						problems.add("tenants '" + other + "' and '" + tenant.name() + "' share the schema '" + schema
								+ "'");
					}
				}
				if (this.dataSource == null) {
					problems.add("tenant '" + tenant.name() + "' lives in a schema, but no shared data source is"
							+ " configured (TenantMigrator.Builder.dataSource)");
				}
			}
		}
		if (!problems.isEmpty()) {
			throw (MigrateConfigurationException) new MigrateConfigurationException(new Diagnosis(
					Text.of("The tenants (", Remedy.change(Setting.TENANTS),
							") are not valid:\n  - " + String.join("\n  - ", problems) + "."),
					Text.of("Nothing was changed in the database: no tenant was migrated."),
					Text.of("Give each tenant a unique name (and schema) of letters, digits and underscores,"
							+ " starting with a letter or underscore, at most 58 characters.")))
				.inVocabulary(this.vocabulary);
		}
		return List.copyOf(tenants);
	}

	private MigrateConfigurationException invalid(String before, Remedy remedy, String after,
			@Nullable Throwable cause) {
		return (MigrateConfigurationException) new MigrateConfigurationException(
				new Diagnosis(Text.of(before, remedy, after + "."),
						Text.of("Nothing was changed in the database: no tenant was migrated."),
						Text.of("Make the tenant source answer, then migrate again.")),
				cause);
	}

	/**
	 * The migrator of one tenant, for any operation on it alone (info, validate, plan,
	 * rollback). It waits for the tenant's lock up to the lock timeout.
	 * @param tenant the tenant
	 * @return its migrator
	 */
	public Migrator migrator(Tenant tenant) {
		Assert.notNull(tenant, "'tenant' must not be null");
		return migrator(tenant, this.lockTimeout);
	}

	private Migrator migrator(Tenant tenant, Duration lockTimeout) {
		String schema = tenant.schema();
		DataSource tenantDataSource = tenant.dataSource();
		if (schema != null) {
			DataSource shared = this.dataSource;
			Assert.state(shared != null, "No shared data source for tenant " + tenant.name());
			tenantDataSource = this.schemaDataSources.computeIfAbsent(schema.toLowerCase(Locale.ROOT),
					(key) -> new SchemaDataSource(shared, schema, sharedDialect(shared)));
		}
		Assert.state(tenantDataSource != null, "No data source for tenant " + tenant.name());
		Migrator.Builder builder = this.factory.builder(tenant, tenantDataSource);
		Assert.state(builder != null, "The MigratorFactory returned no builder for tenant " + tenant.name());
		if (schema != null) {
			builder.schema(schema);
		}
		return builder.lockTimeout(lockTimeout).build();
	}

	private Dialect sharedDialect(DataSource shared) {
		Dialect dialect = this.sharedDialect;
		if (dialect == null) {
			dialect = Dialects.detect(shared);
			this.sharedDialect = dialect;
		}
		return dialect;
	}

	/**
	 * Migrate one tenant, such as a customer who just signed up, waiting for its lock up
	 * to the lock timeout.
	 * @param tenant the tenant
	 * @return what was done
	 * @throws dev.migrate.MigrateException if its migration fails, as
	 * {@link Migrator#migrate()} throws it
	 */
	public TenantOutcome migrate(Tenant tenant) {
		Assert.notNull(tenant, "'tenant' must not be null");
		checkOne(tenant);
		long start = System.nanoTime();
		new Schemas().ensure(tenant);
		OperationResult result = migrator(tenant).migrate();
		return outcome(tenant, result, 0, start);
	}

	private void checkOne(Tenant tenant) {
		TenantMigrator single = new Builder(TenantSource.of(List.of(tenant)), this.factory).dataSource(this.dataSource)
			.build();
		single.tenants();
	}

	/**
	 * Migrate every tenant the source lists.
	 * @return every tenant's outcome
	 * @throws MigrateConfigurationException if the source fails or lists invalid tenants;
	 * nothing is changed then
	 * @throws TenantMigrationException if tenants failed (unless configured not to fail)
	 */
	public TenantMigrationResult migrate() {
		List<Tenant> tenants = tenants();
		long start = System.nanoTime();
		// The first migrator is built before any tenant is touched: a migration that is
		// not well defined stops everything without a change. The others are built by the
		// workers, in parallel.
		Map<String, Migrator> migrators = new ConcurrentHashMap<>();
		if (!tenants.isEmpty()) {
			migrators.put(tenants.get(0).name(), migrator(tenants.get(0), TRY_LOCK));
		}
		logger.info("Migrating " + tenants.size() + " tenant(s), " + this.parallelism + " at a time, failure policy "
				+ this.failurePolicy.name().toLowerCase(Locale.ROOT));
		Run run = new Run(tenants, migrators, new Schemas(), start);
		TenantMigrationResult result = run.execute();
		this.lastResult = result;
		logger.info(result.summary() + ((result.deferrals() > 0)
				? "; " + result.deferrals() + " time(s) a tenant was locked by another instance and taken up later"
				: ""));
		if (!result.isSuccessful() && this.failOnError) {
			throw new TenantMigrationException(result, this.failurePolicy, this.vocabulary)
				.inVocabulary(this.vocabulary);
		}
		if (!result.failed().isEmpty()) {
			for (TenantOutcome failed : result.failed()) {
				logger.error("Tenant " + failed.tenant() + " failed: " + failed.errorMessage(this.vocabulary));
			}
		}
		return result;
	}

	/**
	 * The outcome of the latest {@link #migrate()} of all tenants by this migrator, for a
	 * health check that must not query thousands of tenants.
	 * @return the result, or {@code null} if none has run
	 */
	public @Nullable TenantMigrationResult getLastResult() {
		return this.lastResult;
	}

	/**
	 * Read every tenant's state, without changing anything and without taking locks.
	 * @return the state of each tenant
	 * @throws MigrateConfigurationException if the source fails or lists invalid tenants
	 */
	public TenantInfoResult info() {
		List<Tenant> tenants = tenants();
		Schemas schemas = new Schemas();
		ExecutorService executor = executor(Math.min(this.parallelism, Math.max(1, tenants.size())));
		try {
			List<Future<TenantInfo>> futures = new ArrayList<>();
			for (Tenant tenant : tenants) {
				futures.add(executor.submit(() -> info(tenant, schemas)));
			}
			List<TenantInfo> infos = new ArrayList<>();
			for (Future<TenantInfo> future : futures) {
				infos.add(await(future));
			}
			return new TenantInfoResult(infos);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private TenantInfo info(Tenant tenant, Schemas schemas) {
		try {
			Migrator migrator = migrator(tenant);
			if (!schemas.exists(tenant)) {
				// Listed, never migrated: everything is pending.
				return new TenantInfo(tenant.name(), null, migrator.getMigrations().size(), false, null);
			}
			InfoResult info = migrator.info();
			return new TenantInfo(tenant.name(), info.currentVersion(), info.pending().size(),
					!info.inState(MigrationState.FAILED).isEmpty(), null);
		}
		catch (RuntimeException ex) {
			return new TenantInfo(tenant.name(), null, 0, false, (ex instanceof MigrateException migrate)
					? migrate.getMessage(this.vocabulary) : String.valueOf(ex.getMessage()));
		}
	}

	private static <T> T await(Future<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the tenants", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(cause);
		}
	}

	private static ExecutorService executor(int threads) {
		AtomicInteger count = new AtomicInteger();
		return Executors.newFixedThreadPool(threads, (runnable) -> {
			Thread thread = new Thread(runnable, "migrate-tenants-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	private static TenantOutcome outcome(Tenant tenant, OperationResult result, int deferrals, long start) {
		int applied = result.executions().size();
		return new TenantOutcome(tenant.name(), (applied > 0) ? Status.MIGRATED : Status.UP_TO_DATE,
				result.versionBefore(), result.versionAfter(), applied, deferrals, null,
				Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * One migration of all tenants: a queue of tenants, workers taking them in order, and
	 * tenants locked by another instance coming back after a delay.
	 */
	private final class Run {

		private final List<Tenant> tenants;

		private final Map<String, Migrator> migrators;

		private final long start;

		private final DelayQueue<Entry> queue = new DelayQueue<>();

		private final Map<String, TenantOutcome> outcomes = new ConcurrentHashMap<>();

		private final AtomicInteger remaining;

		private final AtomicInteger done = new AtomicInteger();

		private final AtomicInteger failed = new AtomicInteger();

		private final AtomicInteger waiting = new AtomicInteger();

		private final AtomicBoolean stopped = new AtomicBoolean();

		private final AtomicLong nextProgress;

		private final Schemas schemas;

		Run(List<Tenant> tenants, Map<String, Migrator> migrators, Schemas schemas, long start) {
			this.tenants = tenants;
			this.schemas = schemas;
			this.migrators = migrators;
			this.start = start;
			this.remaining = new AtomicInteger(tenants.size());
			this.nextProgress = new AtomicLong(start + TenantMigrator.this.progressInterval.toNanos());
			long sequence = 0;
			for (Tenant tenant : tenants) {
				this.queue.add(new Entry(tenant, sequence++, start));
			}
		}

		TenantMigrationResult execute() {
			int threads = Math.min(TenantMigrator.this.parallelism, Math.max(1, this.tenants.size()));
			DataSource shared = TenantMigrator.this.dataSource;
			if (threads > 1 && shared != null && this.tenants.stream().anyMatch((tenant) -> tenant.schema() != null)) {
				Dialect dialect = sharedDialect(shared);
				if (!dialect.supportsParallelSchemaChanges()) {
					logger.info(dialect.name() + " changes one schema at a time: migrating the tenants one by one");
					threads = 1;
				}
			}
			ExecutorService executor = executor(threads);
			try {
				List<Future<?>> workers = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					workers.add(executor.submit(this::work));
				}
				for (Future<?> worker : workers) {
					await(worker);
				}
			}
			finally {
				executor.shutdownNow();
			}
			List<TenantOutcome> ordered = new ArrayList<>();
			for (Tenant tenant : this.tenants) {
				TenantOutcome outcome = this.outcomes.get(tenant.name());
				ordered.add((outcome != null) ? outcome
						: new TenantOutcome(tenant.name(), Status.NOT_STARTED, null, null, 0, 0, null, Duration.ZERO));
			}
			return new TenantMigrationResult(ordered, Duration.ofNanos(System.nanoTime() - this.start));
		}

		private void work() {
			while (!this.stopped.get() && this.remaining.get() > 0) {
				Entry entry;
				try {
					entry = this.queue.poll(50, TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				if (entry == null) {
					continue;
				}
				if (this.stopped.get()) {
					return;
				}
				migrate(entry);
			}
		}

		private void migrate(Entry entry) {
			Tenant tenant = entry.tenant;
			long started = System.nanoTime();
			try {
				this.schemas.ensure(tenant);
				OperationResult result = this.migrators
					.computeIfAbsent(tenant.name(), (name) -> migrator(tenant, TRY_LOCK))
					.migrate();
				if (entry.deferrals > 0) {
					this.waiting.decrementAndGet();
				}
				finish(outcome(tenant, result, entry.deferrals, started), false);
			}
			catch (MigrationLockException ex) {
				// Another instance migrates it: take the next tenant, come back later.
				long now = System.nanoTime();
				if (entry.deferrals == 0) {
					this.waiting.incrementAndGet();
				}
				if (now - entry.firstTry >= TenantMigrator.this.lockTimeout.toNanos()) {
					this.waiting.decrementAndGet();
					finish(failure(tenant, entry.deferrals, ex, started), true);
					return;
				}
				long delay = Math.min(MAX_REQUEUE_DELAY.toNanos(),
						TimeUnit.MILLISECONDS.toNanos(50L << Math.min(entry.deferrals, 10)));
				this.queue.add(new Entry(tenant, entry.sequence, (entry.deferrals == 0) ? now : entry.firstTry,
						entry.deferrals + 1, now + delay));
			}
			catch (RuntimeException | Error ex) {
				if (entry.deferrals > 0) {
					this.waiting.decrementAndGet();
				}
				finish(failure(tenant, entry.deferrals, ex, started), true);
			}
		}

		private TenantOutcome failure(Tenant tenant, int deferrals, Throwable ex, long started) {
			return new TenantOutcome(tenant.name(), Status.FAILED, null, null, 0, deferrals, ex,
					Duration.ofNanos(System.nanoTime() - started));
		}

		private void finish(TenantOutcome outcome, boolean failure) {
			this.outcomes.put(outcome.tenant(), outcome);
			if (failure) {
				this.failed.incrementAndGet();
				logger.warn("Tenant " + outcome.tenant() + " failed: "
						+ outcome.errorMessage(TenantMigrator.this.vocabulary));
				if (TenantMigrator.this.failurePolicy == FailurePolicy.STOP
						&& this.stopped.compareAndSet(false, true)) {
					logger.warn("No other tenant is started (failure policy stop); those being migrated finish");
				}
			}
			else {
				this.done.incrementAndGet();
			}
			this.remaining.decrementAndGet();
			long now = System.nanoTime();
			long next = this.nextProgress.get();
			if (now - next >= 0
					&& this.nextProgress.compareAndSet(next, now + TenantMigrator.this.progressInterval.toNanos())) {
				logger.info(progress());
			}
		}

		private String progress() {
			int waitingNow = this.waiting.get();
			return "tenants " + this.done.get() + "/" + this.tenants.size() + " migrated, " + this.failed.get()
					+ " failed" + ((waitingNow > 0) ? ", " + waitingNow + " locked by another instance" : "");
		}

	}

	/**
	 * The schemas of the shared data source, read once, so that a tenant's schema is
	 * created before its first migration (its connections work in it) without asking the
	 * database about every tenant on every start.
	 */
	private final class Schemas {

		private volatile @Nullable Set<String> known;

		boolean exists(Tenant tenant) {
			String schema = tenant.schema();
			return schema == null || known().contains(schema.toLowerCase(Locale.ROOT));
		}

		void ensure(Tenant tenant) {
			String schema = tenant.schema();
			if (schema == null || exists(tenant)) {
				return;
			}
			DataSource shared = sharedDataSource();
			Dialect dialect = sharedDialect(shared);
			try {
				Ddl.createUnlessPresent(new JdbcTemplate(shared), dialect.createSchemaStatement(schema),
						() -> withConnection(shared, (connection) -> dialect.schemaExists(connection, schema)));
			}
			catch (DataAccessException ex) {
				throw new MigrateException(new Diagnosis(
						Text.of("Could not create the schema '" + schema + "' of tenant '" + tenant.name() + "': "
								+ ex.getMostSpecificCause().getMessage() + "."),
						Text.of("Nothing was changed in the tenant."),
						Text.of("Create it by hand, or grant the migrating account the right to create schemas.")), ex);
			}
			known().add(schema.toLowerCase(Locale.ROOT));
		}

		private Set<String> known() {
			Set<String> names = this.known;
			if (names == null) {
				synchronized (this) {
					names = this.known;
					if (names == null) {
						DataSource shared = sharedDataSource();
						Dialect dialect = sharedDialect(shared);
						names = ConcurrentHashMap.newKeySet();
						for (String name : withConnection(shared, dialect::schemaNames)) {
							names.add(name.toLowerCase(Locale.ROOT));
						}
						this.known = names;
					}
				}
			}
			return names;
		}

		private DataSource sharedDataSource() {
			DataSource shared = TenantMigrator.this.dataSource;
			Assert.state(shared != null, "No shared data source for tenants in schemas");
			return shared;
		}

	}

	private static <T> T withConnection(DataSource dataSource, ConnectionCallback<T> callback) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		T result = jdbc.execute(callback);
		Assert.state(result != null, "No result");
		return result;
	}

	/**
	 * A tenant in the queue, due at a time.
	 */
	private static final class Entry implements Delayed {

		private final Tenant tenant;

		private final long sequence;

		private final long firstTry;

		private final int deferrals;

		private final long due;

		Entry(Tenant tenant, long sequence, long now) {
			this(tenant, sequence, now, 0, now);
		}

		Entry(Tenant tenant, long sequence, long firstTry, int deferrals, long due) {
			this.tenant = tenant;
			this.sequence = sequence;
			this.firstTry = firstTry;
			this.deferrals = deferrals;
			this.due = due;
		}

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(this.due - System.nanoTime(), TimeUnit.NANOSECONDS);
		}

		@Override
		public int compareTo(Delayed other) {
			Entry that = (Entry) other;
			int byDue = Long.compare(this.due - that.due, 0);
			return (byDue != 0) ? byDue : Long.compare(this.sequence, that.sequence);
		}

	}

	/**
	 * Builds a {@link TenantMigrator}.
	 */
	public static final class Builder {

		private final TenantSource source;

		private final MigratorFactory factory;

		private @Nullable DataSource dataSource;

		private int parallelism = 4;

		private FailurePolicy failurePolicy = FailurePolicy.STOP;

		private boolean failOnError = true;

		private Duration lockTimeout = MigrateDefaults.LOCK_TIMEOUT;

		private Duration progressInterval = Duration.ofSeconds(10);

		private Vocabulary vocabulary = Vocabulary.ENGINE;

		private Builder(TenantSource source, MigratorFactory factory) {
			this.source = source;
			this.factory = factory;
		}

		/**
		 * The shared data source that tenants in a schema live in.
		 * @param dataSource the data source, or {@code null} when every tenant has its
		 * own
		 * @return this builder
		 */
		public Builder dataSource(@Nullable DataSource dataSource) {
			this.dataSource = dataSource;
			return this;
		}

		/**
		 * How many tenants are migrated at the same time. Default 4. Each takes up to two
		 * connections (the lock's and the migration's).
		 * @param parallelism at least 1
		 * @return this builder
		 */
		public Builder parallelism(int parallelism) {
			Assert.isTrue(parallelism >= 1, () -> "'parallelism' must be at least 1, was " + parallelism);
			this.parallelism = parallelism;
			return this;
		}

		/**
		 * What to do when a tenant fails. Default {@link FailurePolicy#STOP}.
		 * @param failurePolicy the policy
		 * @return this builder
		 */
		public Builder failurePolicy(FailurePolicy failurePolicy) {
			Assert.notNull(failurePolicy, "'failurePolicy' must not be null");
			this.failurePolicy = failurePolicy;
			return this;
		}

		/**
		 * Whether {@link TenantMigrator#migrate()} throws a
		 * {@link TenantMigrationException} when tenants failed or were not started.
		 * Default {@code true}; with {@code false} it returns the result, and logs each
		 * failed tenant.
		 * @param failOnError whether to throw
		 * @return this builder
		 */
		public Builder failOnError(boolean failOnError) {
			this.failOnError = failOnError;
			return this;
		}

		/**
		 * How long a tenant locked by another instance keeps coming back before it counts
		 * as failed, and how long {@link TenantMigrator#migrate(Tenant)} waits for a
		 * tenant's lock. Default 5 minutes.
		 * @param lockTimeout the timeout, positive
		 * @return this builder
		 */
		public Builder lockTimeout(Duration lockTimeout) {
			Assert.isTrue(lockTimeout != null && !lockTimeout.isNegative() && !lockTimeout.isZero(),
					"'lockTimeout' must be positive");
			this.lockTimeout = lockTimeout;
			return this;
		}

		/**
		 * How often progress is logged while tenants are migrated. Default 10 seconds.
		 * @param progressInterval the interval, positive
		 * @return this builder
		 */
		public Builder progressInterval(Duration progressInterval) {
			Assert.isTrue(progressInterval != null && !progressInterval.isNegative() && !progressInterval.isZero(),
					"'progressInterval' must be positive");
			this.progressInterval = progressInterval;
			return this;
		}

		/**
		 * How messages name settings and operations. Default {@link Vocabulary#ENGINE}.
		 * @param vocabulary the vocabulary
		 * @return this builder
		 */
		public Builder vocabulary(Vocabulary vocabulary) {
			Assert.notNull(vocabulary, "'vocabulary' must not be null");
			this.vocabulary = vocabulary;
			return this;
		}

		/**
		 * Build the tenant migrator. Touches no database.
		 * @return the tenant migrator
		 */
		public TenantMigrator build() {
			return new TenantMigrator(this);
		}

	}

}
