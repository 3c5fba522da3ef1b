package dev.migrate.boot.actuate.metrics;

import java.util.Map;
import java.util.function.Supplier;

import dev.migrate.Migrator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.Assert;

/**
 * Registers the gauge {@value #PENDING_GAUGE}: the number of migrations that the next
 * migrate would apply, per {@link Migrator} bean and per database migrated besides them
 * ({@code migrate.databases}). Every gauge carries the same two tags, as Prometheus
 * requires of one meter:
 * <ul>
 * <li>a {@link Migrator} bean: {@code migrator} is its bean name, and {@code database} is
 * {@value #PRIMARY_DATABASE} when it is the only one, its bean name otherwise;</li>
 * <li>a database of {@code migrate.databases}: {@code migrator} is
 * {@value #DATABASES_MIGRATOR}, and {@code database} its name.</li>
 * </ul>
 * Registered once every singleton exists, so that the gauge never pulls the migrations
 * into the creation of the meter registry.
 *
 * @since 0.1.0
 */
public class MigratePendingMigrationsMetrics implements SmartInitializingSingleton {

	/** Name of the gauge of pending migrations. */
	public static final String PENDING_GAUGE = "migrate.migrations.pending";

	/**
	 * The {@code database} tag of the only {@link Migrator} bean.
	 * @since 0.2.0
	 */
	public static final String PRIMARY_DATABASE = "primary";

	/**
	 * The {@code migrator} tag of the databases of {@code migrate.databases}.
	 * @since 0.2.0
	 */
	public static final String DATABASES_MIGRATOR = "migrateDatabases";

	private static final Log logger = LogFactory.getLog(MigratePendingMigrationsMetrics.class);

	private final MeterRegistry registry;

	private final ListableBeanFactory beanFactory;

	private final Supplier<Map<String, Migrator>> databases;

	/**
	 * Create the metrics of the {@link Migrator} beans.
	 * @param registry the meter registry
	 * @param beanFactory the bean factory holding the {@link Migrator} beans
	 */
	public MigratePendingMigrationsMetrics(MeterRegistry registry, ListableBeanFactory beanFactory) {
		this(registry, beanFactory, Map::of);
	}

	/**
	 * Create the metrics of the {@link Migrator} beans and of the databases migrated
	 * besides them.
	 * @param registry the meter registry
	 * @param beanFactory the bean factory holding the {@link Migrator} beans
	 * @param databases the migrator of each database of {@code migrate.databases}, by
	 * name; called once every singleton exists
	 * @since 0.2.0
	 */
	public MigratePendingMigrationsMetrics(MeterRegistry registry, ListableBeanFactory beanFactory,
			Supplier<Map<String, Migrator>> databases) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		Assert.notNull(databases, "'databases' must not be null");
		this.registry = registry;
		this.beanFactory = beanFactory;
		this.databases = databases;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, Migrator> migrators = this.beanFactory.getBeansOfType(Migrator.class);
		migrators
			.forEach((name, migrator) -> register(migrator, name, (migrators.size() == 1) ? PRIMARY_DATABASE : name));
		this.databases.get().forEach((name, migrator) -> register(migrator, DATABASES_MIGRATOR, name));
	}

	private void register(Migrator migrator, String migratorTag, String databaseTag) {
		Gauge.builder(PENDING_GAUGE, migrator, MigratePendingMigrationsMetrics::pending)
			.description("Number of migrations the next migrate would apply")
			.tag("migrator", migratorTag)
			.tag("database", databaseTag)
			.register(this.registry);
	}

	private static double pending(Migrator migrator) {
		try {
			return migrator.info().pending().size();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the pending migrations", ex);
			return Double.NaN;
		}
	}

}
