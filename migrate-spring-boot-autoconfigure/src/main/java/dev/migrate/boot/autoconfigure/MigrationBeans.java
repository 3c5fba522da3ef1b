package dev.migrate.boot.autoconfigure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.Migration;
import dev.migrate.index.MigrationIndex;
import dev.migrate.resolver.ClassFileSource;
import dev.migrate.resolver.MigrationSource;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanCurrentlyInCreationException;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.ClassUtils;

/**
 * Describes the {@link Migration @Migration} beans of a context to the engine, and turns
 * the circular reference caused by a migration that depends on the database's users into
 * a {@link MigrationBeanCycleException} that says what to do.
 * <p>
 * A migration registered by component scanning is described from the metadata of its bean
 * definition, read from the class file without loading the class, and its bean is created
 * only when the engine needs it: with nothing pending, an application start loads,
 * instantiates and reflects on none of its migrations. Other migrations (from
 * {@code @Bean} methods, registered classes or instances) are created up front, as
 * before.
 */
final class MigrationBeans {

	private MigrationBeans() {
	}

	/**
	 * The migrations of a context, each as a source whose bean is created on demand.
	 * @param beanFactory the context's bean factory
	 * @return the sources
	 */
	static List<MigrationSource> sources(ConfigurableListableBeanFactory beanFactory) {
		return find(beanFactory).sources(null);
	}

	/**
	 * The migrations of one database of a context, each as a source whose bean is created
	 * on demand.
	 * @param beanFactory the context's bean factory
	 * @param database the name in {@link Migration#database()}, empty for the primary
	 * database, or {@code null} for every migration
	 * @return the sources
	 */
	static List<MigrationSource> sources(ConfigurableListableBeanFactory beanFactory, @Nullable String database) {
		return find(beanFactory).sources(database);
	}

	/**
	 * Find the migrations of a context: one pass over its bean definitions and
	 * singletons, each asked for {@code @Migration} once (for a bean that component
	 * scanning registered, from the metadata of its class file, without loading it).
	 * @param beanFactory the context's bean factory
	 * @return the migrations found
	 */
	static Found find(ConfigurableListableBeanFactory beanFactory) {
		List<Declared> declared = new ArrayList<>();
		Map<String, String> others = new LinkedHashMap<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			if (definition.isAbstract()) {
				continue;
			}
			MergedAnnotation<Migration> migration = declared(definition);
			if (migration != null) {
				declared.add(new Declared(name, ((AnnotatedBeanDefinition) definition).getMetadata(), migration));
			}
			else {
				addIfMigration(beanFactory, name, others);
			}
		}
		for (String name : beanFactory.getSingletonNames()) {
			if (!beanFactory.containsBeanDefinition(name)) {
				addIfMigration(beanFactory, name, others);
			}
		}
		return new Found(beanFactory, declared, others, MigrationIndexExcludeFilter.of(beanFactory));
	}

	private static void addIfMigration(ConfigurableListableBeanFactory beanFactory, String name,
			Map<String, String> others) {
		Migration migration = beanFactory.findAnnotationOnBean(name, Migration.class);
		if (migration != null) {
			others.put(name, migration.database());
		}
	}

	/**
	 * A migration registered by component scanning, described by the metadata of its
	 * class file.
	 */
	private record Declared(String name, AnnotationMetadata metadata, MergedAnnotation<Migration> migration) {

		String database() {
			return this.migration.getString("database");
		}

	}

	/**
	 * The migrations of a context: those registered by component scanning, the other
	 * beans annotated with {@code @Migration} (by name, with the database they name), and
	 * those that the index lists and scanning left out.
	 */
	static final class Found {

		private final ConfigurableListableBeanFactory beanFactory;

		private final List<Declared> declared;

		private final Map<String, String> others;

		private final @Nullable MigrationIndex index;

		// One for every database's sources: a supertype their migrations share is read
		// once.
		private @Nullable DownMethods downMethods;

		private Found(ConfigurableListableBeanFactory beanFactory, List<Declared> declared, Map<String, String> others,
				@Nullable MigrationIndex index) {
			this.beanFactory = beanFactory;
			this.declared = declared;
			this.others = others;
			this.index = index;
		}

		/**
		 * The migrations of one database (or all), each as a source whose bean is created
		 * on demand; those from {@code @Bean} methods, registered classes or instances
		 * are created now.
		 * @param database the name in {@link Migration#database()}, empty for the primary
		 * database, or {@code null} for every migration
		 * @return the sources
		 */
		List<MigrationSource> sources(@Nullable String database) {
			ClassLoader classLoader = (this.beanFactory.getBeanClassLoader() != null)
					? this.beanFactory.getBeanClassLoader() : ClassUtils.getDefaultClassLoader();
			ClassLoader loader = (classLoader != null) ? classLoader : MigrationBeans.class.getClassLoader();
			ClassFileSource classFiles = ClassFileSource.of(loader);
			Map<String, MigrationIndex.Entry> indexed = indexed(this.index, database);
			List<MigrationSource> sources = new ArrayList<>();
			DownMethods downMethods = downMethods(loader);
			for (Declared migration : this.declared) {
				if (database != null && !database.equals(migration.database())) {
					continue;
				}
				AnnotationMetadata metadata = migration.metadata();
				// Registered all the same (by a second scan without Boot's
				// TypeExcludeFilter): the bean it is.
				indexed.remove(metadata.getClassName());
				String name = migration.name();
				sources.add(new MigrationSource(name, metadata.getClassName(),
						migration.migration().getString("version"), migration.migration().getString("description"),
						migration.migration().getEnum("transaction", dev.migrate.TransactionMode.class),
						migration.migration().getString("checksum"), downMethods.reversible(metadata), classFiles,
						() -> bean(this.beanFactory, name)));
			}
			this.others.forEach((name, named) -> {
				if (database == null || database.equals(named)) {
					Object bean = bean(this.beanFactory, name);
					sources.add(MigrationSource.of(name, bean));
					indexed.remove(ClassUtils.getUserClass(bean).getName());
				}
			});
			ClassFileSource indexedClassFiles = (this.index != null) ? this.index.classFiles(loader) : classFiles;
			for (MigrationIndex.Entry entry : indexed.values()) {
				String name = this.beanFactory.containsBeanDefinition(entry.beanName()) ? entry.className()
						: entry.beanName();
				sources.add(MigrationIndex.source(entry, name, indexedClassFiles,
						() -> indexedBean(this.beanFactory, name, entry.className(), loader)));
			}
			return sources;
		}

		private DownMethods downMethods(ClassLoader loader) {
			DownMethods downMethods = this.downMethods;
			if (downMethods == null) {
				downMethods = new DownMethods(loader);
				this.downMethods = downMethods;
			}
			return downMethods;
		}

		/**
		 * The database each migration names, read without creating the beans (nor loading
		 * the classes of those that component scanning registered).
		 * @return for each migration that names a database, its class and the database,
		 * by bean name
		 */
		Map<String, NamedDatabase> namedDatabases() {
			Map<String, NamedDatabase> named = new LinkedHashMap<>();
			for (MigrationIndex.Entry entry : indexed(this.index, null).values()) {
				if (!entry.database().isEmpty()) {
					named.put(entry.beanName(), new NamedDatabase(entry.className(), entry.database()));
				}
			}
			for (Declared migration : this.declared) {
				if (!migration.database().isEmpty()) {
					named.put(migration.name(),
							new NamedDatabase(migration.metadata().getClassName(), migration.database()));
				}
			}
			this.others.forEach((name, database) -> {
				if (!database.isEmpty()) {
					Class<?> type = this.beanFactory.getType(name, false);
					named.put(name, new NamedDatabase((type != null) ? type.getName() : "?", database));
				}
			});
			return named;
		}

	}

	/**
	 * The migrations of one database (or all) that the build-time index lists and
	 * component scanning left out ({@code migrate.index.enabled}), by class name.
	 */
	private static Map<String, MigrationIndex.Entry> indexed(@Nullable MigrationIndex index,
			@Nullable String database) {
		Map<String, MigrationIndex.Entry> indexed = new LinkedHashMap<>();
		if (index != null) {
			for (MigrationIndex.Entry entry : index.entries()) {
				if (database == null || database.equals(entry.database())) {
					indexed.put(entry.className(), entry);
				}
			}
		}
		return indexed;
	}

	/**
	 * The bean of a migration taken from the index: registered as a bean definition the
	 * first time it is needed, then created as any bean (its dependencies injected, its
	 * post-processors and proxies applied).
	 */
	private static Object indexedBean(ConfigurableListableBeanFactory beanFactory, String name, String className,
			ClassLoader classLoader) {
		synchronized (beanFactory) {
			if (!beanFactory.containsBeanDefinition(name)) {
				if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
					throw new IllegalStateException("Cannot create migration " + className
							+ " from the index of migrations: the bean factory cannot register beans;"
							+ " set migrate.index.enabled=false");
				}
				RootBeanDefinition definition = new RootBeanDefinition(
						ClassUtils.resolveClassName(className, classLoader));
				definition.setLazyInit(true);
				registry.registerBeanDefinition(name, definition);
			}
		}
		return bean(beanFactory, name);
	}

	/**
	 * The database a migration names.
	 *
	 * @param className the migration's class
	 * @param database the name in {@link Migration#database()}
	 */
	record NamedDatabase(String className, String database) {

	}

	/**
	 * The {@code @Migration} annotation of a bean definition whose class metadata was
	 * read without loading it (component scanning), or {@code null}.
	 */
	static @Nullable MergedAnnotation<Migration> declared(BeanDefinition definition) {
		if (!(definition instanceof AnnotatedBeanDefinition annotated) || annotated.getFactoryMethodMetadata() != null
				|| !annotated.getMetadata().getClassName().equals(definition.getBeanClassName())) {
			return null;
		}
		MergedAnnotation<Migration> migration = annotated.getMetadata().getAnnotations().get(Migration.class);
		return migration.isPresent() ? migration : null;
	}

	/**
	 * Whether classes have a {@code down} method where the engine looks for one (declared
	 * by the class or a superclass, or a default method of an interface they implement),
	 * told from class files without loading the classes: so that a start with nothing
	 * pending need not create an applied migration's bean to report it. Each supertype's
	 * class file is read once, however many migrations share it; the JDK's are not read,
	 * as none of them has a {@code down} method.
	 */
	private static final class DownMethods {

		private final MetadataReaderFactory readers;

		private final Map<String, MigrationIndex.Reversible> inherited = new HashMap<>();

		DownMethods(ClassLoader classLoader) {
			this.readers = MetadataReaderFactory.create(classLoader);
		}

		/**
		 * Whether the class has a {@code down} method.
		 * @param metadata the class's metadata
		 * @return the answer, or {@code null} if a supertype's class file cannot be read
		 * (the class is then loaded to tell)
		 */
		@Nullable Boolean reversible(AnnotationMetadata metadata) {
			return hasDown(metadata, false).value();
		}

		// A class's, its superclasses' and its interfaces' (only defaults count there).
		private MigrationIndex.Reversible hasDown(AnnotationMetadata type, boolean defaultOnly) {
			if (declaresDown(type, defaultOnly)) {
				return MigrationIndex.Reversible.YES;
			}
			String superClass = type.getSuperClassName();
			MigrationIndex.Reversible found = (superClass != null) ? inherits(superClass, false)
					: MigrationIndex.Reversible.NO;
			for (String implemented : type.getInterfaceNames()) {
				found = found.or(() -> inherits(implemented, true));
			}
			return found;
		}

		private MigrationIndex.Reversible inherits(String className, boolean defaultOnly) {
			if (className.startsWith("java.")) {
				return MigrationIndex.Reversible.NO;
			}
			// Not computeIfAbsent: telling one supertype asks for its own.
			String key = (defaultOnly ? "interface " : "class ") + className;
			MigrationIndex.Reversible inherits = this.inherited.get(key);
			if (inherits == null) {
				try {
					inherits = hasDown(this.readers.getMetadataReader(className).getAnnotationMetadata(), defaultOnly);
				}
				catch (IOException ex) {
					inherits = MigrationIndex.Reversible.UNKNOWN;
				}
				this.inherited.put(key, inherits);
			}
			return inherits;
		}

		private static boolean declaresDown(AnnotationMetadata metadata, boolean defaultOnly) {
			for (MethodMetadata method : metadata.getDeclaredMethods()) {
				if (method.getMethodName().equals("down") && !method.isStatic()
						&& (!defaultOnly || !method.isAbstract())) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * Create (or get) a migration bean.
	 */
	static Object bean(ConfigurableListableBeanFactory beanFactory, String name) {
		if (beanFactory.isCurrentlyInCreation(name)) {
			// The migration is being created and, through its dependencies, asked for
			// the migrations to run first.
			throw new MigrationBeanCycleException(name, beanFactory.getType(name), beansInCreation(beanFactory, name),
					null);
		}
		try {
			return beanFactory.getBean(name);
		}
		catch (BeanCreationException ex) {
			if (isCycle(ex)) {
				throw new MigrationBeanCycleException(name, beanFactory.getType(name),
						creationPath(beanFactory, ex, name), ex);
			}
			throw ex;
		}
	}

	private static boolean isCycle(Throwable ex) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof BeanCurrentlyInCreationException) {
				return true;
			}
			String message = candidate.getMessage();
			if (candidate instanceof BeanCreationException && message != null
					&& message.contains("Circular depends-on relationship")) {
				return true;
			}
		}
		return false;
	}

	private static List<String> creationPath(ConfigurableListableBeanFactory beanFactory, BeanCreationException ex,
			String migration) {
		Set<String> path = new LinkedHashSet<>();
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof BeanCreationException creation && creation.getBeanName() != null
					&& !migration.equals(creation.getBeanName()) && beanFactory.containsBean(creation.getBeanName())
					&& !isMigrateInfrastructure(beanFactory.getType(creation.getBeanName()))) {
				path.add(creation.getBeanName());
			}
		}
		return new ArrayList<>(path);
	}

	private static List<String> beansInCreation(ConfigurableListableBeanFactory beanFactory, String migration) {
		return Arrays.stream(beanFactory.getBeanDefinitionNames())
			.filter((name) -> !name.equals(migration) && beanFactory.isCurrentlyInCreation(name))
			.filter((name) -> !isMigrateInfrastructure(beanFactory.getType(name)))
			.toList();
	}

	private static boolean isMigrateInfrastructure(@Nullable Class<?> type) {
		return type != null && (type.getName().startsWith("dev.migrate.Migrator")
				|| MigrateMigrationInitializer.class.isAssignableFrom(type));
	}

}
