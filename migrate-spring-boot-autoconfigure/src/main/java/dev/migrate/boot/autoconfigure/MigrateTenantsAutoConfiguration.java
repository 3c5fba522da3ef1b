package dev.migrate.boot.autoconfigure;

import java.util.List;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.MigrateConfigurationException;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.boot.actuate.endpoint.MigrateTenantsEndpoint;
import dev.migrate.boot.actuate.health.MigrateTenantsHealthIndicator;
import dev.migrate.resolver.MigrationSource;
import dev.migrate.tenant.Tenant;
import dev.migrate.tenant.TenantMigrator;
import dev.migrate.tenant.TenantSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for tenants: when
 * {@code migrate.tenants.names} lists tenants or the application provides a
 * {@link TenantSource}, a {@link TenantMigrator} applies the application's migrations to
 * every tenant's schema during start-up, before the beans that use the database, with the
 * settings of {@code migrate.*} (history table, lock, transaction mode...) and
 * {@code migrate.tenants.*}. Applications call the {@link TenantMigrator} bean to migrate
 * a tenant that signs up.
 *
 * @since 0.2.0
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
@ConditionalOnBean(Migrator.class)
@Conditional(MigrateTenantsAutoConfiguration.TenantsCondition.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigrateTenantsAutoConfiguration {

	@Bean
	static LazyInitializationExcludeFilter migrateTenantsLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(MigrateTenantsInitializer.class);
	}

	@Bean
	@ConditionalOnMissingBean
	TenantSource migrateTenantSource(MigrateProperties properties) {
		List<Tenant> tenants = properties.getTenants().getNames().stream().map(Tenant::schema).toList();
		return TenantSource.of(tenants);
	}

	@Bean
	@ConditionalOnMissingBean
	TenantMigrator tenantMigrator(MigrateProperties properties, TenantSource tenants, Migrator migrator,
			ObjectProvider<MigrationListener> listeners, ObjectProvider<MigrateConfigurationCustomizer> customizers,
			ConfigurableListableBeanFactory beanFactory) {
		MigrateProperties.Tenants settings = properties.getTenants();
		if (settings.getDatabase().isEmpty() && !settings.getLocations().isEmpty()) {
			throw new MigrateConfigurationException(new Diagnosis(
					Text.of("migrate.tenants.locations=" + String.join(",", settings.getLocations())
							+ " is set, but the tenants take the application's own migrations (migrate.tenants.database"
							+ " is not set), with the SQL files of migrate.locations."),
					Text.of("Nothing was changed in the database."),
					Text.of("Set migrate.tenants.database to give the tenants migrations of their own, or put the"
							+ " tenants' SQL files in migrate.locations and clear migrate.tenants.locations.")));
		}
		// One name for all tenants in what listeners record: a tag per tenant would make
		// thousands of meters.
		String tenantsName = settings.getDatabase().isEmpty() ? MigrateCommandScope.TENANTS : settings.getDatabase();
		// The tenants' workers must not create beans while the context refreshes on
		// another thread (Spring would see a cycle): create them here, once.
		List<MigrationSource> sources = MigrationBeans.sources(beanFactory, settings.getDatabase())
			.stream()
			.map(MigrateTenantsAutoConfiguration::created)
			.toList();
		return TenantMigrator.builder(tenants, (tenant, dataSource) -> {
			Migrator.Builder builder = Migrator.builder(dataSource).vocabulary(MigratePropertiesVocabulary.INSTANCE);
			PropertyMapper map = PropertyMapper.get();
			map.from(properties.getTable()).to(builder::table);
			map.from(properties.getTransactionMode()).to(builder::transactionMode);
			MigrateAutoConfiguration.applySharedSettings(properties, builder);
			map.from(properties.getBaselineVersion()).to(builder::baselineVersion);
			map.from(properties.isBaselineOnMigrate()).to(builder::baselineOnMigrate);
			map.from(properties.getFlywayHistory()).to(builder::flywayHistory);
			listeners.orderedStream().map((listener) -> listener.forDatabase(tenantsName)).forEach(builder::listener);
			builder.migrationSources(sources);
			if (settings.getDatabase().isEmpty()) {
				// The primary database's migrations, its SQL files included.
				builder.locations(properties.getLocations(), beanFactory.getBeanClassLoader());
			}
			else if (!settings.getLocations().isEmpty()) {
				builder.locations(settings.getLocations(), beanFactory.getBeanClassLoader());
			}
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder;
		})
			.dataSource(migrator.getDataSource())
			.parallelism(settings.getParallelism())
			.failurePolicy(settings.getFailurePolicy())
			.failOnError(settings.isFailOnError())
			.lockTimeout(properties.getLockTimeout())
			.progressInterval(settings.getProgressInterval())
			.vocabulary(MigratePropertiesVocabulary.INSTANCE)
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	MigrateTenantsInitializer migrateTenantsInitializer(TenantMigrator tenantMigrator, MigrateProperties properties,
			Environment environment) {
		return new MigrateTenantsInitializer(tenantMigrator, properties.getOnStartup(),
				properties.getTenants().isEnabled() && environment.getProperty("migrate.command", "").isBlank());
	}

	/**
	 * {@code /actuator/migratetenants}: tenants by version, failed and pending ones,
	 * paged.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(
			name = "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint")
	@ConditionalOnAvailableEndpoint(MigrateTenantsEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigrateTenantsEndpoint migrateTenantsEndpoint(TenantMigrator tenantMigrator) {
			return new MigrateTenantsEndpoint(tenantMigrator);
		}

	}

	/**
	 * The {@code migrateTenants} health contributor.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(
			name = "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator")
	@ConditionalOnEnabledHealthIndicator("migrateTenants")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "migrateTenantsHealthIndicator")
		MigrateTenantsHealthIndicator migrateTenantsHealthIndicator(TenantMigrator tenantMigrator) {
			return new MigrateTenantsHealthIndicator(tenantMigrator, MigratePropertiesVocabulary.INSTANCE);
		}

	}

	/**
	 * Tenants are configured: {@code migrate.tenants.names} lists some, or the
	 * application provides a {@link TenantSource}.
	 */
	static final class TenantsCondition extends AnyNestedCondition {

		TenantsCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(TenantSource.class)
		private static final class TenantSourceBean {

		}

		@Conditional(TenantNamesCondition.class)
		private static final class TenantNames {

		}

	}

	static final class TenantNamesCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("migrate tenants");
			List<String> names = Binder.get(context.getEnvironment())
				.bind("migrate.tenants.names", Bindable.listOf(String.class))
				.orElse(List.of());
			return names.isEmpty() ? ConditionOutcome.noMatch(message.didNotFind("migrate.tenants.names").atAll())
					: ConditionOutcome.match(message.found("migrate.tenants.names").items(names.size() + " tenant(s)"));
		}

	}

	private static MigrationSource created(MigrationSource source) {
		Object bean = source.bean().get();
		return new MigrationSource(source.beanName(), source.className(), source.version(), source.description(),
				source.transaction(), source.checksum(), source.reversible(), source.classFiles(), () -> bean);
	}

}
