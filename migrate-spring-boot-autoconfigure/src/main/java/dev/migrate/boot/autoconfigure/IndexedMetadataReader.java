package dev.migrate.boot.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.migrate.index.MigrationIndex;
import dev.migrate.resolver.ClassFileSource;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.ClassMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.ClassUtils;

/**
 * The metadata of a class file that the build-time index lists, for component scanning:
 * its class name, and which annotations it has, come from the index, and the class file
 * is parsed only if something asks for more. Put into the application context's cache of
 * metadata readers, which scanning consults before it reads a class file, so that the
 * exclude filters decide without the class file being parsed: the one that leaves the
 * listed migrations to the engine, and those before it, such as
 * {@code @SpringBootApplication}'s, which asks every class met whether it is a
 * configuration.
 */
final class IndexedMetadataReader implements MetadataReader {

	private final Resource resource;

	private final String className;

	private final MigrationIndex.@Nullable Annotations annotations;

	private final MetadataReaderFactory parser;

	private volatile @Nullable MetadataReader parsed;

	IndexedMetadataReader(Resource resource, String className, MigrationIndex.@Nullable Annotations annotations,
			MetadataReaderFactory parser) {
		this.resource = resource;
		this.className = className;
		this.annotations = annotations;
		this.parser = parser;
	}

	/**
	 * Cache a reader for every listed class under each resource that class path scanning
	 * can find its class file as (see {@link #readers}).
	 * @param resourceLoader the application context, whose cache and class path scanning
	 * uses
	 * @param index the index
	 * @return how many readers were cached
	 */
	static int cache(DefaultResourceLoader resourceLoader, MigrationIndex index) {
		return cache(resourceLoader, readers(resourceLoader, index));
	}

	/**
	 * Cache readers in an application context, where scanning looks for them first.
	 * @param resourceLoader the application context
	 * @param readers the readers by the resource of their class file
	 * @return how many readers were cached
	 */
	static int cache(DefaultResourceLoader resourceLoader, Map<Resource, MetadataReader> readers) {
		Map<Resource, MetadataReader> cache = resourceLoader.getResourceCache(MetadataReader.class);
		int cached = 0;
		for (Map.Entry<Resource, MetadataReader> reader : readers.entrySet()) {
			if (cache.putIfAbsent(reader.getKey(), reader.getValue()) == null) {
				cached++;
			}
		}
		return cached;
	}

	/**
	 * A reader for every listed class under each resource that class path scanning can
	 * find its class file as: below every class path root of its package (a directory, a
	 * jar or a Spring Boot jar's nested {@code BOOT-INF/classes}), resolved as scanning
	 * resolves them through the same class loader. A key that scanning never meets costs
	 * a map entry; a class file that scanning finds otherwise is parsed, as without the
	 * index.
	 * @param resourceLoader a resource loader with the application's class loader
	 * @param index the index
	 * @return the readers by the resource of their class file
	 */
	static Map<Resource, MetadataReader> readers(ResourceLoader resourceLoader, MigrationIndex index) {
		// Not a caching factory: it would find these readers again.
		MetadataReaderFactory parser = MetadataReaderFactory.create(resourceLoader);
		ResourcePatternResolver resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
		// Class files by package directory ("a/b/"), then by file name ("C.class").
		Map<String, Map<String, MigrationIndex.Entry>> classFiles = new LinkedHashMap<>();
		for (MigrationIndex.Entry entry : index.entries()) {
			String classFile = ClassFileSource.resourceName(entry.className());
			int slash = classFile.lastIndexOf('/') + 1;
			classFiles.computeIfAbsent(classFile.substring(0, slash), (key) -> new LinkedHashMap<>())
				.put(classFile.substring(slash), entry);
		}
		ClassLoader classLoader = resourceLoader.getClassLoader();
		Map<MigrationIndex.Annotations, Boolean> loadable = new IdentityHashMap<>();
		Map<Resource, MetadataReader> readers = new LinkedHashMap<>();
		for (Map.Entry<String, Map<String, MigrationIndex.Entry>> inPackage : classFiles.entrySet()) {
			for (Resource root : packageRoots(resolver, inPackage.getKey())) {
				for (Map.Entry<String, MigrationIndex.Entry> classFile : inPackage.getValue().entrySet()) {
					Resource resource = relative(root, classFile.getKey());
					MigrationIndex.Entry entry = classFile.getValue();
					MigrationIndex.Annotations annotations = entry.annotations();
					if (annotations != null
							&& !loadable.computeIfAbsent(annotations, (listed) -> isLoadable(listed, classLoader))) {
						annotations = null;
					}
					if (resource != null) {
						readers.putIfAbsent(resource,
								new IndexedMetadataReader(resource, entry.className(), annotations, parser));
					}
				}
			}
		}
		return readers;
	}

	/**
	 * Whether the application can load every listed annotation: Spring's metadata leaves
	 * out one it cannot load, and what that one carries, which the index cannot tell
	 * apart; the class file answers then.
	 */
	private static boolean isLoadable(MigrationIndex.Annotations annotations, @Nullable ClassLoader classLoader) {
		return arePresent(annotations.declared(), classLoader) && arePresent(annotations.meta(), classLoader);
	}

	private static boolean arePresent(Collection<String> classNames, @Nullable ClassLoader classLoader) {
		for (String className : classNames) {
			if (!ClassUtils.isPresent(className, classLoader)) {
				return false;
			}
		}
		return true;
	}

	private static Resource[] packageRoots(ResourcePatternResolver resolver, String packageDirectory) {
		try {
			return resolver.getResources(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + packageDirectory);
		}
		catch (IOException ex) {
			// Scanning parses what it finds there, as without the index.
			return new Resource[0];
		}
	}

	private static @Nullable Resource relative(Resource root, String fileName) {
		try {
			return root.createRelative(fileName);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Whether the class file has been parsed, because something asked for more than its
	 * name.
	 */
	boolean isParsed() {
		return this.parsed != null;
	}

	@Override
	public Resource getResource() {
		return this.resource;
	}

	@Override
	public ClassMetadata getClassMetadata() {
		return new IndexedClassMetadata();
	}

	@Override
	public AnnotationMetadata getAnnotationMetadata() {
		return (this.annotations != null) ? new IndexedAnnotationMetadata(this.annotations)
				: parsed().getAnnotationMetadata();
	}

	private MetadataReader parsed() {
		MetadataReader parsed = this.parsed;
		if (parsed == null) {
			try {
				parsed = this.parser.getMetadataReader(this.resource);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read class file " + this.resource, ex);
			}
			this.parsed = parsed;
		}
		return parsed;
	}

	/**
	 * The class name and whether an annotation is present from the index, the rest from
	 * the class file.
	 */
	private final class IndexedAnnotationMetadata extends IndexedClassMetadata implements AnnotationMetadata {

		private final MigrationIndex.Annotations annotations;

		IndexedAnnotationMetadata(MigrationIndex.Annotations annotations) {
			this.annotations = annotations;
		}

		@Override
		public boolean isAnnotated(String annotationName) {
			return this.annotations.isPresent(annotationName);
		}

		@Override
		public boolean hasAnnotation(String annotationName) {
			return this.annotations.isDeclared(annotationName);
		}

		@Override
		public boolean hasMetaAnnotation(String metaAnnotationName) {
			return this.annotations.isMetaPresent(metaAnnotationName);
		}

		@Override
		public MergedAnnotations getAnnotations() {
			return parsed().getAnnotationMetadata().getAnnotations();
		}

		@Override
		public Set<MethodMetadata> getAnnotatedMethods(String annotationName) {
			return parsed().getAnnotationMetadata().getAnnotatedMethods(annotationName);
		}

		@Override
		public Set<MethodMetadata> getDeclaredMethods() {
			return parsed().getAnnotationMetadata().getDeclaredMethods();
		}

	}

	/**
	 * The class name from the index, the rest from the class file.
	 */
	private class IndexedClassMetadata implements ClassMetadata {

		@Override
		public String getClassName() {
			return IndexedMetadataReader.this.className;
		}

		@Override
		public boolean isInterface() {
			return parsed().getClassMetadata().isInterface();
		}

		@Override
		public boolean isAnnotation() {
			return parsed().getClassMetadata().isAnnotation();
		}

		@Override
		public boolean isAbstract() {
			return parsed().getClassMetadata().isAbstract();
		}

		@Override
		public boolean isConcrete() {
			return parsed().getClassMetadata().isConcrete();
		}

		@Override
		public boolean isFinal() {
			return parsed().getClassMetadata().isFinal();
		}

		@Override
		public boolean isIndependent() {
			return parsed().getClassMetadata().isIndependent();
		}

		@Override
		public boolean hasEnclosingClass() {
			return parsed().getClassMetadata().hasEnclosingClass();
		}

		@Override
		public @Nullable String getEnclosingClassName() {
			return parsed().getClassMetadata().getEnclosingClassName();
		}

		@Override
		public boolean hasSuperClass() {
			return parsed().getClassMetadata().hasSuperClass();
		}

		@Override
		public @Nullable String getSuperClassName() {
			return parsed().getClassMetadata().getSuperClassName();
		}

		@Override
		public String[] getInterfaceNames() {
			return parsed().getClassMetadata().getInterfaceNames();
		}

		@Override
		public String[] getMemberClassNames() {
			return parsed().getClassMetadata().getMemberClassNames();
		}

	}

}
