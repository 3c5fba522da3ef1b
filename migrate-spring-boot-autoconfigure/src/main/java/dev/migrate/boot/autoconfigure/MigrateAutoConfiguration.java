package dev.migrate.boot.autoconfigure;

import java.util.Locale;

import javax.sql.DataSource;

import dev.migrate.MigrateException;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.boot.autoconfigure.command.MigrateCommand;
import dev.migrate.boot.autoconfigure.command.MigrateCommandExitHandler;
import dev.migrate.boot.autoconfigure.command.SystemExitMigrateCommandExitHandler;
import dev.migrate.tenant.TenantMigrator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for migrate: builds a
 * {@link Migrator} from the application's {@link DataSource} and
 * {@link dev.migrate.Migration @Migration} beans, and migrates the database during
 * start-up, before anything that uses it, through a {@link MigrateMigrationStrategy}: the
 * application's own, or the one of {@code migrate.on-startup}
 * ({@link MigrateToTargetMigrationStrategy}, {@link MigrateValidateMigrationStrategy} or
 * {@link MigrateNoOpMigrationStrategy}); with {@code migrate.command},
 * {@link MigrateCommandMigrationStrategy}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@Conditional(MigrateAutoConfiguration.MigrateDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "migrate.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrateProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigrateAutoConfiguration {

	private static final Log logger = LogFactory.getLog(MigrateAutoConfiguration.class);

	@Bean
	static LazyInitializationExcludeFilter migrateLazyInitializationExcludeFilter() {
		// The initializer must run during refresh even when everything else is lazy.
		return LazyInitializationExcludeFilter.forBeanTypes(MigrateMigrationInitializer.class);
	}

	@Bean
	static MigrationBeansLazyInitialization migrationBeansLazyInitialization() {
		return new MigrationBeansLazyInitialization();
	}

	@Bean
	MigrateSchemaManagementProvider migrateDefaultDdlModeProvider(ObjectProvider<Migrator> migrators) {
		return new MigrateSchemaManagementProvider(migrators);
	}

	@Bean
	@ConditionalOnMissingBean
	Migrator migrator(MigrateProperties properties, ObjectProvider<DataSource> dataSource,
			@MigrateDataSource ObjectProvider<DataSource> migrateDataSource,
			ObjectProvider<MigrationListener> listeners, ObjectProvider<MigrateConfigurationCustomizer> customizers,
			ConfigurableListableBeanFactory beanFactory, ObjectProvider<MigrateCommandExitHandler> exitHandler) {
		try {
			return buildMigrator(properties, dataSource, migrateDataSource, listeners, customizers, beanFactory);
		}
		catch (MigrateException ex) {
			throw beforeCommand(properties.getCommand(), ex, exitHandler);
		}
	}

	private static Migrator buildMigrator(MigrateProperties properties, ObjectProvider<DataSource> dataSource,
			ObjectProvider<DataSource> migrateDataSource, ObjectProvider<MigrationListener> listeners,
			ObjectProvider<MigrateConfigurationCustomizer> customizers, ConfigurableListableBeanFactory beanFactory) {
		MigrationBeans.Found migrations = MigrationBeans.find(beanFactory);
		MigrateDatabases.checkDatabasesNamed(migrations.namedDatabases(), MigrateDatabases.knownDatabases(properties));
		Migrator.Builder builder = Migrator.builder(migrationDataSource(properties, migrateDataSource.getIfAvailable(),
				dataSource.getIfUnique(), beanFactory.getBeanClassLoader()));
		builder.vocabulary(MigratePropertiesVocabulary.INSTANCE);
		PropertyMapper map = PropertyMapper.get();
		map.from(properties.getSchema()).to(builder::schema);
		map.from(properties.getTable()).to(builder::table);
		map.from(properties.getLocations())
			.to((locations) -> builder.locations(locations, beanFactory.getBeanClassLoader()));
		map.from(properties.getTransactionMode()).to(builder::transactionMode);
		MigrateAutoConfiguration.applySharedSettings(properties, builder);
		map.from(properties.getLockTimeout()).to(builder::lockTimeout);
		map.from(properties.getBaselineVersion()).to(builder::baselineVersion);
		map.from(properties.isBaselineOnMigrate()).to(builder::baselineOnMigrate);
		map.from(properties.getConnectRetries()).to(builder::connectRetries);
		map.from(properties.getFlywayHistory()).to(builder::flywayHistory);
		map.from(properties.getConnectRetriesInterval()).to(builder::connectRetriesInterval);
		listeners.orderedStream()
			.map((listener) -> listener.forDatabase(MigrateCommandScope.PRIMARY))
			.forEach(builder::listener);
		// Migrations that name a database of migrate.databases are not the primary's.
		builder.migrationSources(migrations.sources(""));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/**
	 * Apply the {@code migrate.*} settings that the application's database, each of
	 * {@code migrate.databases} and every tenant take alike.
	 * @param properties the properties
	 * @param builder the builder of one database's or tenant's migrator
	 */
	static void applySharedSettings(MigrateProperties properties, Migrator.Builder builder) {
		PropertyMapper map = PropertyMapper.get();
		map.from(properties.isOutOfOrder()).to(builder::outOfOrder);
		map.from(properties.getValidateChecksums()).to(builder::validateChecksums);
		map.from(properties.getLockLease()).to(builder::lockLease);
		map.from(properties.getInstalledBy()).to(builder::installedBy);
	}

	private static DataSource migrationDataSource(MigrateProperties properties, @Nullable DataSource migrateDataSource,
			@Nullable DataSource dataSource, @Nullable ClassLoader classLoader) {
		DataSource chosen = chooseDataSource(properties, migrateDataSource, dataSource, classLoader);
		if (dataSource != null && chosen != dataSource) {
			logger.warn("migrate migrates through a DataSource of its own ("
					+ ((migrateDataSource != null) ? "@MigrateDataSource" : "migrate.url, migrate.user")
					+ "): code in migrations that uses the application's DataSource (its JdbcTemplate, @Transactional"
					+ " services) does not join the migration's transaction and commits on its own. Use the"
					+ " JdbcTemplate, JdbcClient or MigrationContext parameters of up and down instead.");
		}
		return chosen;
	}

	private static DataSource chooseDataSource(MigrateProperties properties, @Nullable DataSource migrateDataSource,
			@Nullable DataSource dataSource, @Nullable ClassLoader classLoader) {
		if (migrateDataSource != null) {
			return migrateDataSource;
		}
		if (StringUtils.hasText(properties.getUrl())) {
			MissingJdbcDriverException.check(properties.getUrl(), properties.getDriverClassName(), classLoader);
			DataSourceBuilder<?> builder = DataSourceBuilder.create()
				.type(SimpleDriverDataSource.class)
				.url(properties.getUrl());
			return credentials(builder, properties).build();
		}
		Assert.state(dataSource != null, "migrate found no unique DataSource to migrate: mark one with @Primary, mark"
				+ " the one to migrate with @MigrateDataSource, or set migrate.url");
		if (StringUtils.hasText(properties.getUser())) {
			DataSourceBuilder<?> builder = DataSourceBuilder.derivedFrom(dataSource).type(SimpleDriverDataSource.class);
			return credentials(builder, properties).build();
		}
		return dataSource;
	}

	private static DataSourceBuilder<?> credentials(DataSourceBuilder<?> builder, MigrateProperties properties) {
		PropertyMapper map = PropertyMapper.get();
		map.from(properties.getUser()).to(builder::username);
		map.from(properties.getPassword()).to(builder::password);
		map.from(properties.getDriverClassName()).when(StringUtils::hasText).to(builder::driverClassName);
		return builder;
	}

	@Bean
	@ConditionalOnMissingBean(MigrateMigrationStrategy.class)
	MigrateMigrationStrategy migrateMigrationStrategy(MigrateProperties properties) {
		// Chosen when the context starts, not by a condition: an application processed
		// ahead of time (a native image) keeps reading migrate.on-startup from its
		// environment, so one image serves the migrating Job and the validating pods.
		return switch (properties.getOnStartup()) {
			case MIGRATE -> new MigrateToTargetMigrationStrategy(properties.getTarget());
			case VALIDATE -> new MigrateValidateMigrationStrategy(properties.getTarget());
			case NONE -> new MigrateNoOpMigrationStrategy();
		};
	}

	@Bean
	@ConditionalOnMissingBean
	MigrateMigrationInitializer migrateInitializer(Migrator migrator,
			ObjectProvider<MigrateCommandMigrationStrategy> commandStrategy,
			ObjectProvider<MigrateMigrationStrategy> strategy, Environment environment,
			ObjectProvider<MigrateCommandExitHandler> exitHandler) {
		// An operator's migrate.command wins over the application's own strategy.
		MigrateCommandMigrationStrategy command = commandStrategy.getIfAvailable();
		String requested = environment.getProperty("migrate.command");
		Assert.state(command != null || !StringUtils.hasText(requested), () -> "migrate.command=" + requested
				+ " is set, but the application was processed ahead of time (Spring AOT, a native image) without"
				+ " it, so it cannot run the command; nothing was changed. Start the command from an application"
				+ " that is not AOT-processed, or processed with migrate.command set.");
		try {
			DdlAutoConflictException.check(environment);
		}
		catch (DdlAutoConflictException ex) {
			throw beforeCommand((command != null) ? command.getCommand() : null, ex, exitHandler);
		}
		if (command == null && (StringUtils.hasText(environment.getProperty("migrate.database"))
				|| StringUtils.hasText(environment.getProperty("migrate.tenant")))) {
			logger.warn("migrate.database and migrate.tenant choose what a migrate.command works on, and no command is"
					+ " set: start-up migrates every database and tenant as configured.");
		}
		return new MigrateMigrationInitializer(migrator, (command != null) ? command : strategy.getObject());
	}

	/**
	 * A failure found before a command could run ends the process with the exit code of
	 * invalid configuration; without a command, start-up fails as Spring Boot does.
	 */
	private static RuntimeException beforeCommand(@Nullable MigrateCommand command, MigrateException ex,
			ObjectProvider<MigrateCommandExitHandler> exitHandler) {
		if (command == null) {
			return ex;
		}
		return MigrateCommandConfigurationFailures.handle(command.name().toLowerCase(Locale.ROOT), ex,
				exitHandler.getIfAvailable(), System.out);
	}

	/**
	 * Runs {@code migrate.command} instead of migrating.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(MigrateCommandCondition.class)
	static class CommandConfiguration {

		@Bean
		static MigrateCommandBindHandlerAdvisor migrateCommandBindHandlerAdvisor(Environment environment,
				ObjectProvider<MigrateCommandExitHandler> exitHandler) {
			return new MigrateCommandBindHandlerAdvisor(environment.getProperty("migrate.command", "").trim(),
					exitHandler);
		}

		@Bean
		@ConditionalOnMissingBean(MigrateCommandExitHandler.class)
		SystemExitMigrateCommandExitHandler migrateCommandExitHandler() {
			return new SystemExitMigrateCommandExitHandler();
		}

		@Bean
		@ConditionalOnMissingBean
		MigrateCommandMigrationStrategy migrateCommandMigrationStrategy(MigrateProperties properties,
				MigrateCommandExitHandler exitHandler, ObjectProvider<MigrateDatabases> databases,
				ObjectProvider<TenantMigrator> tenants) {
			MigrateCommand command = properties.getCommand();
			Assert.state(command != null, "'migrate.command' must be set");
			MigrateCommandMigrationStrategy strategy = new MigrateCommandMigrationStrategy(command,
					properties.getTarget(), properties.getSteps(), properties.getPlanOutput(), exitHandler);
			// Looked up when the command runs: the other databases and the tenants are
			// configured after the primary database.
			strategy.setScope(new MigrateCommandScope(properties.getDatabase(), properties.getTenant(), databases,
					tenants, properties.getTenants()));
			return strategy;
		}

	}

	/**
	 * Matches when {@code migrate.command} has text, as the command's environment
	 * post-processor sees it.
	 */
	static final class MigrateCommandCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("migrate command");
			String command = context.getEnvironment().getProperty("migrate.command");
			return StringUtils.hasText(command)
					? ConditionOutcome.match(message.found("migrate.command").items(command))
					: ConditionOutcome.noMatch(message.didNotFind("migrate.command").atAll());
		}

	}

	static final class MigrateDataSourceCondition extends AnyNestedCondition {

		MigrateDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnProperty("migrate.url")
		private static final class MigrateUrlCondition {

		}

	}

}
