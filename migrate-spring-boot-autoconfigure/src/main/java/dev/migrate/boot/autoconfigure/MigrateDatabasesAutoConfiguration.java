package dev.migrate.boot.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.MigrateConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.boot.actuate.health.MigrationsHealthIndicator;
import dev.migrate.boot.autoconfigure.MigrateDatabases.HistoryLocation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
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
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for databases migrated besides the
 * primary one: each {@code migrate.databases.<name>} gets a {@link Migrator} with its
 * DataSource (a bean by name, or its own url), history table, lock, schema and
 * transaction mode, the other settings of {@code migrate.*}, and the migrations whose
 * {@link dev.migrate.Migration#database() @Migration(database)} names it. They are
 * migrated during start-up, before the beans that use a database.
 *
 * @since 0.2.0
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
@ConditionalOnBean(Migrator.class)
@Conditional(MigrateDatabasesAutoConfiguration.DatabasesCondition.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigrateDatabasesAutoConfiguration {

	@Bean
	static LazyInitializationExcludeFilter migrateDatabasesLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(MigrateDatabasesInitializer.class);
	}

	@Bean
	@ConditionalOnMissingBean
	MigrateDatabases migrateDatabases(MigrateProperties properties, Migrator migrator,
			ObjectProvider<MigrationListener> listeners, ObjectProvider<MigrateConfigurationCustomizer> customizers,
			ConfigurableListableBeanFactory beanFactory) {
		List<HistoryLocation> locations = new ArrayList<>();
		locations.add(new HistoryLocation("primary", migrator.getDataSource(), properties.getSchema(),
				properties.getTable()));
		Map<String, Migrator> migrators = new LinkedHashMap<>();
		MigrationBeans.Found migrations = MigrationBeans.find(beanFactory);
		properties.getDatabases().forEach((name, database) -> {
			if (name.equalsIgnoreCase(MigrateCommandScope.PRIMARY)
					|| name.equalsIgnoreCase(MigrateCommandScope.TENANTS)) {
				throw new MigrateConfigurationException(new Diagnosis(
						Text.of("migrate.databases." + name + " uses a name that migrate.database keeps for "
								+ (name.equalsIgnoreCase(MigrateCommandScope.PRIMARY) ? "the primary database"
										: "the tenants")
								+ "."),
						Text.of("Nothing was changed in any database."),
						Text.of("Give the database another name, in migrate.databases and in the database attribute"
								+ " of its migrations.")));
			}
			if (!database.isEnabled()) {
				return;
			}
			DataSource dataSource = dataSource(name, database, beanFactory);
			locations
				.add(new HistoryLocation(name, StringUtils.hasText(database.getUrl()) ? database.getUrl() : dataSource,
						database.getSchema(), database.getTable()));
			Migrator.Builder builder = Migrator.builder(dataSource).vocabulary(MigratePropertiesVocabulary.INSTANCE);
			PropertyMapper map = PropertyMapper.get();
			map.from(database.getSchema()).to(builder::schema);
			map.from(database.getTable()).to(builder::table);
			map.from(database.getTransactionMode()).to(builder::transactionMode);
			map.from(database.getLocations())
				.when((sqlLocations) -> !sqlLocations.isEmpty())
				.to((sqlLocations) -> builder.locations(sqlLocations, beanFactory.getBeanClassLoader()));
			map.from(database.getBaselineVersion()).to(builder::baselineVersion);
			map.from(database.isBaselineOnMigrate()).to(builder::baselineOnMigrate);
			MigrateAutoConfiguration.applySharedSettings(properties, builder);
			map.from(properties.getLockTimeout()).to(builder::lockTimeout);
			map.from(properties.getConnectRetries()).to(builder::connectRetries);
			map.from(properties.getConnectRetriesInterval()).to(builder::connectRetriesInterval);
			listeners.orderedStream().map((listener) -> listener.forDatabase(name)).forEach(builder::listener);
			builder.migrationSources(migrations.sources(name));
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			try {
				migrators.put(name, builder.build());
			}
			catch (MigrateException ex) {
				throw new MigrateDatabaseFailedException(name, ex);
			}
		});
		MigrateDatabases.checkHistoriesDistinct(locations);
		return new MigrateDatabases(migrators);
	}

	private static DataSource dataSource(String name, MigrateProperties.Database database,
			ConfigurableListableBeanFactory beanFactory) {
		if (StringUtils.hasText(database.getDataSource())) {
			if (!beanFactory.containsBean(database.getDataSource())) {
				throw new MigrateConfigurationException(new Diagnosis(
						Text.of("migrate.databases." + name + ".data-source names the bean '" + database.getDataSource()
								+ "', and there is no bean by that name."),
						Text.of("Nothing was changed in any database."),
						Text.of("Name the DataSource bean of database '" + name + "', or give its url.")));
			}
			return beanFactory.getBean(database.getDataSource(), DataSource.class);
		}
		if (StringUtils.hasText(database.getUrl())) {
			MissingJdbcDriverException.check(database.getUrl(), database.getDriverClassName(),
					beanFactory.getBeanClassLoader());
			DataSourceBuilder<?> builder = DataSourceBuilder.create()
				.type(SimpleDriverDataSource.class)
				.url(database.getUrl());
			PropertyMapper map = PropertyMapper.get();
			map.from(database.getUser()).to(builder::username);
			map.from(database.getPassword()).to(builder::password);
			map.from(database.getDriverClassName()).when(StringUtils::hasText).to(builder::driverClassName);
			return builder.build();
		}
		throw new MigrateConfigurationException(new Diagnosis(
				Text.of("Database '" + name + "' has neither a DataSource bean (migrate.databases." + name
						+ ".data-source) nor a url (migrate.databases." + name + ".url)."),
				Text.of("Nothing was changed in any database."),
				Text.of("Give one of them, or disable it (migrate.databases." + name + ".enabled=false).")));
	}

	@Bean
	MigrateSchemaManagementProvider migrateDatabasesSchemaManagementProvider(
			ObjectProvider<MigrateDatabases> databases) {
		// Persistence units built with Spring Boot's EntityManagerFactoryBuilder on
		// these databases then default to ddl-auto=none, as on the primary one.
		return new MigrateSchemaManagementProvider(() -> databases.stream()
			.flatMap((beans) -> beans.getMigrators().values().stream())
			.map(Migrator::getDataSource));
	}

	@Bean
	@ConditionalOnMissingBean
	MigrateDatabasesInitializer migrateDatabasesInitializer(MigrateDatabases databases, MigrateProperties properties,
			Environment environment) {
		if (!environment.getProperty("migrate.command", "").isBlank()) {
			// The command runs from the primary database's initializer, on every
			// database.
			return new MigrateDatabasesInitializer(databases, null);
		}
		MigrateMigrationStrategy strategy = switch (properties.getOnStartup()) {
			case MIGRATE -> Migrator::migrate;
			case VALIDATE -> new MigrateValidateMigrationStrategy(null);
			case NONE -> null;
		};
		return new MigrateDatabasesInitializer(databases, strategy);
	}

	/**
	 * The {@code migrateDatabases} health contributor: one
	 * {@link MigrationsHealthIndicator} per database.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(
			name = "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator")
	@ConditionalOnEnabledHealthIndicator("migrateDatabases")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "migrateDatabasesHealthContributor")
		HealthContributor migrateDatabasesHealthContributor(MigrateDatabases databases) {
			return CompositeHealthContributor.fromMap(databases.getMigrators(), MigrationsHealthIndicator::new);
		}

	}

	/**
	 * Matches when {@code migrate.databases} configures a database.
	 */
	static final class DatabasesCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("migrate databases");
			Map<String, Object> databases = Binder.get(context.getEnvironment())
				.bind("migrate.databases", Bindable.mapOf(String.class, Object.class))
				.orElse(Map.of());
			return databases.isEmpty() ? ConditionOutcome.noMatch(message.didNotFind("migrate.databases").atAll())
					: ConditionOutcome.match(message.found("migrate.databases").items(databases.keySet()));
		}

	}

}
