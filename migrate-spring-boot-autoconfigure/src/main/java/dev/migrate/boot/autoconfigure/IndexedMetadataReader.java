package dev.migrate.boot.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.index.MigrationIndex;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.ClassMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.ResourceUtils;

/**
 * The metadata of a class file that the build-time index lists, for component scanning:
 * its class name comes from the index, and the class file is parsed only if something
 * asks for more. Put into the application context's cache of metadata readers, which
 * scanning consults before it reads a class file, so that the exclude filter that leaves
 * the listed migrations to the engine decides without the class file being parsed.
 */
final class IndexedMetadataReader implements MetadataReader {

	private final Resource resource;

	private final String className;

	private final MetadataReaderFactory parser;

	private volatile @Nullable MetadataReader parsed;

	IndexedMetadataReader(Resource resource, String className, MetadataReaderFactory parser) {
		this.resource = resource;
		this.className = className;
		this.parser = parser;
	}

	/**
	 * Cache a reader for every listed class under each resource that class path scanning
	 * can find its class file as: below every class path root of its package, in a
	 * directory, a jar or a Spring Boot jar's nested {@code BOOT-INF/classes}. A key that
	 * scanning never meets costs a map entry; a class file that scanning finds otherwise
	 * is parsed, as without the index.
	 * @param resourceLoader the application context, whose cache scanning uses
	 * @param classLoader the application's class loader
	 * @param index the index
	 * @return how many readers were cached
	 */
	static int cache(DefaultResourceLoader resourceLoader, ClassLoader classLoader, MigrationIndex index) {
		Map<Resource, MetadataReader> cache = resourceLoader.getResourceCache(MetadataReader.class);
		// Not a caching factory: it would find these readers again.
		MetadataReaderFactory parser = MetadataReaderFactory.create(resourceLoader);
		Map<String, List<String>> classesByPackage = new LinkedHashMap<>();
		for (MigrationIndex.Entry entry : index.entries()) {
			String className = entry.className();
			String packagePath = className.substring(0, Math.max(className.lastIndexOf('.'), 0)).replace('.', '/');
			classesByPackage.computeIfAbsent(packagePath, (key) -> new ArrayList<>()).add(className);
		}
		int cached = 0;
		for (Map.Entry<String, List<String>> classes : classesByPackage.entrySet()) {
			for (Resource root : packageRoots(classLoader, classes.getKey())) {
				for (String className : classes.getValue()) {
					Resource resource = classFile(root, className);
					if (resource != null && cache.putIfAbsent(resource,
							new IndexedMetadataReader(resource, className, parser)) == null) {
						cached++;
					}
				}
			}
		}
		return cached;
	}

	/**
	 * The class path roots of a package, as {@code PathMatchingResourcePatternResolver}
	 * makes them from the class loader's URLs: a file below a directory, else a URL.
	 */
	private static List<Resource> packageRoots(ClassLoader classLoader, String packagePath) {
		List<Resource> roots = new ArrayList<>();
		try {
			for (URL url : Collections.list(classLoader.getResources(packagePath + "/"))) {
				roots.add(ResourceUtils.URL_PROTOCOL_FILE.equals(url.getProtocol())
						? new FileSystemResource(ResourceUtils.toURI(url).getSchemeSpecificPart())
						: new UrlResource(url));
			}
		}
		catch (IOException | URISyntaxException | IllegalArgumentException ex) {
			// Scanning parses what it finds there, as without the index.
		}
		return roots;
	}

	private static @Nullable Resource classFile(Resource packageRoot, String className) {
		try {
			return packageRoot.createRelative(className.substring(className.lastIndexOf('.') + 1) + ".class");
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
		return parsed().getAnnotationMetadata();
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
	 * The class name from the index, the rest from the class file.
	 */
	private final class IndexedClassMetadata implements ClassMetadata {

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
