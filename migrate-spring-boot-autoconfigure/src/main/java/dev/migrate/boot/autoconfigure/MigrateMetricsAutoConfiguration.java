package dev.migrate.boot.autoconfigure;

import java.util.Map;

import dev.migrate.Migrator;
import dev.migrate.boot.actuate.metrics.MigrateLockWaitMetricsListener;
import dev.migrate.boot.actuate.metrics.MigratePendingMigrationsMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for migrate's Micrometer meters that
 * are not observations: the lock wait timer and the pending migrations gauge (of each
 * {@link Migrator} bean and each database of {@link MigrateDatabases}). The timer of each
 * migration run comes from its observation ({@link MigrateObservationAutoConfiguration}),
 * so that a run is recorded once.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, Migrator.class })
public final class MigrateMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrateLockWaitMetricsListener migrateLockWaitMetricsListener(MeterRegistry registry) {
		return new MigrateLockWaitMetricsListener(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	MigratePendingMigrationsMetrics migratePendingMigrationsMetrics(MeterRegistry registry,
			ListableBeanFactory beanFactory, ObjectProvider<MigrateDatabases> databases) {
		return new MigratePendingMigrationsMetrics(registry, beanFactory, () -> {
			MigrateDatabases found = databases.getIfAvailable();
			return (found != null) ? found.getMigrators() : Map.of();
		});
	}

}
