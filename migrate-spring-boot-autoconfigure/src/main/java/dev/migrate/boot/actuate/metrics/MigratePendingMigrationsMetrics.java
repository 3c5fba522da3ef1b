package dev.migrate.boot.actuate.metrics;

import java.util.Map;

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
 * migrate would apply, per {@link Migrator} bean (tag {@code migrator}). Registered once
 * every singleton exists, so that the gauge never pulls the migrations into the creation
 * of the meter registry.
 *
 * @since 0.1.0
 */
public class MigratePendingMigrationsMetrics implements SmartInitializingSingleton {

	/** Name of the gauge of pending migrations. */
	public static final String PENDING_GAUGE = "migrate.migrations.pending";

	private static final Log logger = LogFactory.getLog(MigratePendingMigrationsMetrics.class);

	private final MeterRegistry registry;

	private final ListableBeanFactory beanFactory;

	public MigratePendingMigrationsMetrics(MeterRegistry registry, ListableBeanFactory beanFactory) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		this.registry = registry;
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, Migrator> migrators = this.beanFactory.getBeansOfType(Migrator.class);
		migrators.forEach(
				(name, migrator) -> Gauge.builder(PENDING_GAUGE, migrator, MigratePendingMigrationsMetrics::pending)
					.description("Number of migrations the next migrate would apply")
					.tag("migrator", name)
					.register(this.registry));
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
