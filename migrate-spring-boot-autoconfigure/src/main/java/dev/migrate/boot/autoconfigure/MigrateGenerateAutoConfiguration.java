package dev.migrate.boot.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.migrate.Migrator;
import dev.migrate.boot.autoconfigure.command.MigrateCommand;
import dev.migrate.boot.autoconfigure.command.MigrateCommandResult;
import dev.migrate.boot.autoconfigure.command.MigrateGenerateCommandRunner;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.internal.EntityManagerFactoryBuilderImpl;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.util.ClassUtils;

/**
 * {@code migrate.command=generate}: captures the mapping Hibernate builds for the
 * persistence unit (an {@link Integrator} handed to Hibernate through a
 * {@link HibernatePropertiesCustomizer}) and, once every singleton, the
 * {@code EntityManagerFactory} included, is built, writes the next migration and ends the
 * application. The database is not migrated first and Hibernate's {@code ddl-auto} is
 * {@code none}, so nothing changes it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class,
		afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass(name = { "org.hibernate.boot.Metadata", "jakarta.persistence.EntityManagerFactory",
		"org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer" })
@ConditionalOnBean(MigrateCommandMigrationStrategy.class)
@Conditional(MigrateAutoConfiguration.MigrateCommandCondition.class)
public final class MigrateGenerateAutoConfiguration {

	private static final String[] REQUIRED = { "org.hibernate.boot.Metadata",
			"jakarta.persistence.EntityManagerFactory",
			"org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer" };

	static boolean isAvailable(@Nullable ClassLoader classLoader) {
		for (String type : REQUIRED) {
			if (!ClassUtils.isPresent(type, classLoader)) {
				return false;
			}
		}
		return true;
	}

	@Bean
	static MetadataCapture migrateMetadataCapture() {
		return new MetadataCapture();
	}

	@Bean
	static HibernatePropertiesCustomizer migrateMetadataCaptureCustomizer(MetadataCapture capture) {
		return (properties) -> properties.put(EntityManagerFactoryBuilderImpl.INTEGRATOR_PROVIDER,
				(IntegratorProvider) () -> List.of(capture));
	}

	@Bean
	GenerateOnceBuilt migrateGenerateOnceBuilt(MigrateCommandMigrationStrategy strategy, Migrator migrator,
			MigrateProperties properties, MetadataCapture capture,
			ObjectProvider<EntityManagerFactory> entityManagerFactories) {
		return new GenerateOnceBuilt(strategy, migrator, properties, capture, entityManagerFactories);
	}

	/**
	 * Keeps the {@link Metadata} Hibernate hands its integrators; with several
	 * persistence units, each of them.
	 */
	static final class MetadataCapture implements Integrator {

		private final List<Metadata> captured = new CopyOnWriteArrayList<>();

		@Override
		public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
				SessionFactoryImplementor sessionFactory) {
			this.captured.add(metadata);
		}

		List<Metadata> captured() {
			return this.captured;
		}

	}

	/**
	 * Runs the generate command after the singletons, among them the
	 * {@code EntityManagerFactory}, are built.
	 */
	static final class GenerateOnceBuilt implements SmartInitializingSingleton {

		private final MigrateCommandMigrationStrategy strategy;

		private final Migrator migrator;

		private final MigrateProperties properties;

		private final MetadataCapture capture;

		private final ObjectProvider<EntityManagerFactory> entityManagerFactories;

		GenerateOnceBuilt(MigrateCommandMigrationStrategy strategy, Migrator migrator, MigrateProperties properties,
				MetadataCapture capture, ObjectProvider<EntityManagerFactory> entityManagerFactories) {
			this.strategy = strategy;
			this.migrator = migrator;
			this.properties = properties;
			this.capture = capture;
			this.entityManagerFactories = entityManagerFactories;
		}

		@Override
		public void afterSingletonsInstantiated() {
			if (this.strategy.getCommand() != MigrateCommand.GENERATE) {
				return;
			}
			// Make sure every persistence unit has been built and handed over its
			// mapping.
			long units = this.entityManagerFactories.stream().count();
			List<Metadata> captured = this.capture.captured();
			MigrateProperties.Generate generate = this.properties.getGenerate();
			if (units > 1 || captured.size() > 1) {
				this.strategy.exit(new MigrateCommandResult(MigrateCommand.GENERATE, MigrateCommandResult.MISCONFIGURED,
						"Generate did not run: the application has " + Math.max(units, captured.size())
								+ " persistence units, and generate compares one with the database migrate"
								+ " migrates. Run it from a configuration with the one persistence unit whose"
								+ " tables the migrations create. Nothing was written.",
						null));
			}
			this.strategy.exit(new MigrateGenerateCommandRunner(this.migrator,
					captured.isEmpty() ? null : captured.get(0), generate.getName(), generate.getDirectory(),
					generate.getPackageName(), this.properties.getTable())
				.run());
		}

	}

}
