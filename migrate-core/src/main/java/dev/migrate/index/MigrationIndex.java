package dev.migrate.index;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import dev.migrate.Migration;
import dev.migrate.MigrationDefinitionException;
import dev.migrate.TransactionMode;
import dev.migrate.Version;
import dev.migrate.resolver.ClassFileCrc;
import dev.migrate.resolver.ClassFileSource;
import dev.migrate.resolver.MigrationResolver;
import dev.migrate.resolver.MigrationSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The migrations listed at build time by {@link MigrationIndexProcessor}: class names and
 * the attributes of their {@link dev.migrate.Migration @Migration} annotations, read from
 * {@value #LOCATION} on the class path. An application that builds its engine from the
 * index neither scans for its migrations nor loads the classes of the applied ones:
 *
 * <pre class="code">
 * MigrationIndex index = MigrationIndex.read(classLoader);
 * Migrator migrator = Migrator.builder(dataSource)
 *     .migrationSources(index.sources(classLoader, MigrationIndex::instantiate))
 *     .build();
 * </pre>
 *
 * The index is a description, not the truth: {@link dev.migrate.Migrator#validate()}
 * loads and checks every listed class and reports one whose annotation disagrees with the
 * index, and checksums are always computed from the class files, never taken from the
 * index.
 *
 * @since 0.1.0
 */
public final class MigrationIndex {

	/** Where the index is, in each jar or class directory. */
	public static final String LOCATION = "META-INF/migrate/migrations.index";

	static final String HEADER = "# migrate index of @Migration classes, format 3";

	/** The header of indexes written before the {@code database} attribute was listed. */
	static final String HEADER_1 = "# migrate index of @Migration classes, format 1";

	/** The header of indexes written before the classes' annotations were listed. */
	static final String HEADER_2 = "# migrate index of @Migration classes, format 2";

	private static final Log logger = LogFactory.getLog(MigrationIndex.class);

	private final List<Entry> entries;

	// Where each listed class file was found: the jar or directory of its index.
	private final Map<String, ClassFiles> roots;

	private MigrationIndex(List<Entry> entries, Map<String, ClassFiles> roots) {
		this.entries = List.copyOf(entries);
		this.roots = roots;
	}

	/**
	 * Read every index on the class path of a class loader. A missing, unreadable or
	 * stale index (one listing a class whose class file is gone) reads as {@code null},
	 * with a one-line notice for the last two: the caller finds its migrations as it
	 * would without an index.
	 * @param classLoader the class loader
	 * @return the index, or {@code null}
	 */
	public static @Nullable MigrationIndex read(ClassLoader classLoader) {
		Assert.notNull(classLoader, "'classLoader' must not be null");
		Map<String, Entry> entries = new LinkedHashMap<>();
		Map<String, ClassFiles> roots = new HashMap<>();
		try {
			for (URL url : Collections.list(classLoader.getResources(LOCATION))) {
				List<Entry> listed;
				try (InputStream input = url.openStream()) {
					listed = parse(new String(input.readAllBytes(), StandardCharsets.UTF_8));
				}
				ClassFiles beside = ClassFiles.beside(url);
				for (Entry entry : listed) {
					String classFile = ClassFileSource.resourceName(entry.className());
					if (beside.contains(classFile)) {
						roots.put(entry.className(), beside);
					}
					else if (classLoader.getResource(classFile) == null) {
						logger.info("The index of migrations (" + LOCATION + ") is stale: it lists " + entry.className()
								+ ", which is not on the class path; finding the migrations without it (rebuild to"
								+ " refresh it)");
						return null;
					}
					entries.put(entry.className(), entry);
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			logger.info("The index of migrations (" + LOCATION + ") cannot be read (" + ex.getMessage()
					+ "); finding the migrations without it");
			return null;
		}
		if (entries.isEmpty()) {
			return null;
		}
		return new MigrationIndex(new ArrayList<>(entries.values()), roots);
	}

	/**
	 * The migrations listed.
	 * @return the entries, ordered by class name within each index
	 */
	public List<Entry> entries() {
		return this.entries;
	}

	/**
	 * The part of this index that lists the given classes.
	 * @param classNames binary class names
	 * @return an index of the entries whose class is among them, in this index's order
	 * @since 0.2.0
	 */
	public MigrationIndex only(Collection<String> classNames) {
		Assert.notNull(classNames, "'classNames' must not be null");
		return new MigrationIndex(
				this.entries.stream().filter((entry) -> classNames.contains(entry.className())).toList(), this.roots);
	}

	/**
	 * The listed migrations as sources for
	 * {@link dev.migrate.Migrator.Builder#migrationSources(Collection)}.
	 * @param classLoader the class loader to read class files from, and to load the
	 * classes with when their beans are needed
	 * @param beans creates the bean of a class when it is needed
	 * @return the sources
	 */
	public List<MigrationSource> sources(ClassLoader classLoader, Function<Class<?>, Object> beans) {
		Assert.notNull(classLoader, "'classLoader' must not be null");
		Assert.notNull(beans, "'beans' must not be null");
		ClassFileSource classFiles = classFiles(classLoader);
		List<MigrationSource> sources = new ArrayList<>(this.entries.size());
		for (Entry entry : this.entries) {
			sources.add(source(entry, entry.beanName(), classFiles,
					() -> beans.apply(load(classLoader, entry.className()))));
		}
		return Collections.unmodifiableList(sources);
	}

	/**
	 * Where to read the listed classes' files from: the jar or directory of the index
	 * that lists each (one entry read from a jar already open, a thousand of them in a
	 * few milliseconds), else the class loader's resources. A migration whose loaded
	 * class comes from another class file (another jar earlier on the class path holding
	 * a class of that name) is refused when its bean is created, by the sources of
	 * {@link #source(Entry, String, ClassFileSource, Supplier)}.
	 * @param classLoader the class loader to read class files from when the index's jar
	 * or directory does not hold them
	 * @return the source of class files
	 * @since 0.2.0
	 */
	public ClassFileSource classFiles(ClassLoader classLoader) {
		Assert.notNull(classLoader, "'classLoader' must not be null");
		return new IndexClassFiles(this.roots, classLoader);
	}

	/**
	 * One listed migration as a source, under a bean name of the caller's choosing. Its
	 * class is checked against the entry when its bean is created, and, with class files
	 * from {@link #classFiles(ClassLoader)}, when its class file is read because its
	 * CRC-32 does not vouch for it (an applied migration whose class file changed).
	 * @param entry the listed migration
	 * @param beanName the bean name
	 * @param classFiles where to read its class file from
	 * @param bean supplies its bean when it is needed
	 * @return the source
	 * @since 0.2.0
	 */
	public static MigrationSource source(Entry entry, String beanName, ClassFileSource classFiles,
			Supplier<Object> bean) {
		ClassFileSource ownClassFile = (classFiles instanceof IndexClassFiles indexClassFiles)
				? new DescribedClassFile(entry, beanName, indexClassFiles) : classFiles;
		return new MigrationSource(beanName, entry.className(), entry.version(), entry.description(),
				entry.transaction(), entry.checksum(), entry.reversible().value(), ownClassFile,
				() -> checked(entry, beanName, classFiles, bean.get()));
	}

	/**
	 * The bean, once its class is shown to be the one the index describes. A bean of
	 * another class is left to the engine, which names it.
	 */
	private static Object checked(Entry entry, String beanName, ClassFileSource classFiles, Object bean) {
		Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
		if (type.getName().equals(entry.className())) {
			checkClass(entry, beanName, classFiles, type);
		}
		return bean;
	}

	private static void checkClass(Entry entry, String beanName, ClassFileSource classFiles, Class<?> type) {
		if (classFiles instanceof IndexClassFiles indexClassFiles) {
			indexClassFiles.checkLoaded(beanName, type);
		}
		checkDescribed(entry, beanName, type);
	}

	/**
	 * A class whose annotation was removed or changed after the index was written (by a
	 * compile that did not run the processor on it, which leaves the index as it was) is
	 * refused before anything runs, saying that the index is behind the class: run as the
	 * index describes it, it could run in another transaction mode, or on another
	 * database, than its annotation says. The engine checks every bean it is given as
	 * well; this names the cause.
	 */
	private static void checkDescribed(Entry entry, String beanName, Class<?> type) {
		Migration migration = MigrationResolver.findAnnotation(type);
		String difference;
		if (migration == null) {
			difference = "lists it as migration " + entry.version()
					+ ", but the class is not annotated with @Migration";
		}
		else {
			StringJoiner indexed = new StringJoiner(", ", "@Migration(", ")");
			StringJoiner annotated = new StringJoiner(", ", "@Migration(", ")").setEmptyValue("");
			if (!sameVersion(migration.version(), entry.version())) {
				indexed.add("version = " + quoted(entry.version()));
				annotated.add("version = " + quoted(migration.version()));
			}
			differ(indexed, annotated, "description", quoted(entry.description()), quoted(migration.description()));
			differ(indexed, annotated, "transaction", entry.transaction().name(), migration.transaction().name());
			differ(indexed, annotated, "checksum", quoted(entry.checksum()), quoted(migration.checksum()));
			differ(indexed, annotated, "beanName", quoted(entry.beanAttribute()), quoted(migration.beanName()));
			differ(indexed, annotated, "database", quoted(entry.database()), quoted(migration.database()));
			if (annotated.length() == 0) {
				return;
			}
			difference = "lists it with " + indexed + ", but the class has " + annotated;
		}
		throw new MigrationDefinitionException(List.of("bean '" + beanName + "' (" + entry.className()
				+ "): the index of migrations (" + LOCATION + ") " + difference
				+ ": the index is older than the class (a compile that did not run migrate's annotation processor on"
				+ " it keeps the index it found). Rebuild the application, so that the index is written anew."));
	}

	private static void differ(StringJoiner indexed, StringJoiner annotated, String attribute, String inIndex,
			String inClass) {
		if (!inIndex.equals(inClass)) {
			indexed.add(attribute + " = " + inIndex);
			annotated.add(attribute + " = " + inClass);
		}
	}

	private static String quoted(String value) {
		return "\"" + value + "\"";
	}

	private static boolean sameVersion(String annotated, String indexed) {
		try {
			return Version.parse(annotated).equals(Version.parse(indexed));
		}
		catch (IllegalArgumentException ex) {
			// Not a version: the engine says what is wrong with it.
			return true;
		}
	}

	/**
	 * Class files read from the jar or directory of the index that lists each, else from
	 * the class loader's resources.
	 */
	private record IndexClassFiles(Map<String, ClassFiles> roots, ClassLoader classLoader) implements ClassFileSource {

		@Override
		public byte @Nullable [] read(String className) throws IOException {
			byte[] bytes = fromIndexRoot(className, ClassFiles::read);
			return (bytes != null) ? bytes : ClassFileSource.of(this.classLoader).read(className);
		}

		@Override
		public @Nullable ClassFileCrc crc(String className) throws IOException {
			ClassFileCrc crc = fromIndexRoot(className, ClassFiles::crc);
			return (crc != null) ? crc : ClassFileSource.of(this.classLoader).crc(className);
		}

		@Override
		public boolean recordsCrc(String className) {
			return this.roots.get(className) instanceof JarClassFiles;
		}

		/**
		 * Look a class file up in the jar or directory of the index that lists it.
		 * @return what the look-up found, or {@code null} to look it up as the class
		 * loader finds it
		 */
		private <T> @Nullable T fromIndexRoot(String className, Lookup<T> lookup) {
			ClassFiles root = this.roots.get(className);
			if (root == null) {
				return null;
			}
			try {
				return lookup.find(root, ClassFileSource.resourceName(className));
			}
			catch (IOException | RuntimeException ex) {
				return null;
			}
		}

		/**
		 * A bean whose class was loaded from another class file than the one its checksum
		 * is computed from (a second jar earlier on the class path holding a class of
		 * that name) is refused: its checksum would not be that of the code that runs.
		 */
		void checkLoaded(String beanName, Class<?> type) {
			String className = type.getName();
			if (!this.roots.containsKey(className)) {
				return;
			}
			ClassLoader loader = (type.getClassLoader() != null) ? type.getClassLoader()
					: ClassLoader.getSystemClassLoader();
			try {
				byte[] loaded = ClassFileSource.of(loader).read(className);
				if (loaded != null && !Arrays.equals(loaded, read(className))) {
					throw new MigrationDefinitionException(List.of("bean '" + beanName + "' (" + className
							+ "): the class loaded is not the class file that the index of migrations (" + LOCATION
							+ ") lists beside it: another jar earlier on the class path holds a class of that"
							+ " name. Remove the duplicate class, or find the migrations without the index."));
				}
			}
			catch (IOException ex) {
				// Unreadable: the checksum, computed from the index's class file, stands.
			}
		}

	}

	/**
	 * The class file of one listed migration. It is read only when its CRC-32 does not
	 * vouch for it: the migration is pending, or its class file changed since it was
	 * applied (the migration edited, or only compiled anew). An index that an incremental
	 * compile left behind still describes the class as it was: so, before the checksum is
	 * computed and, for an applied migration, the new class hash recorded, the class is
	 * loaded (not initialized) and checked against the index as its bean would be. An
	 * applied migration whose {@code @Migration} was removed or changed is refused then,
	 * where a start that scans would not find it, or find it under another version.
	 */
	private static final class DescribedClassFile implements ClassFileSource {

		private final Entry entry;

		private final String beanName;

		private final IndexClassFiles classFiles;

		DescribedClassFile(Entry entry, String beanName, IndexClassFiles classFiles) {
			this.entry = entry;
			this.beanName = beanName;
			this.classFiles = classFiles;
		}

		// The engine reads a source's class file once, and keeps the bytes.
		@Override
		public byte @Nullable [] read(String className) throws IOException {
			byte[] bytes = this.classFiles.read(className);
			if (bytes != null && className.equals(this.entry.className())) {
				Class<?> type = loadIfPossible();
				if (type != null) {
					checkClass(this.entry, this.beanName, this.classFiles, type);
				}
			}
			return bytes;
		}

		@Override
		public @Nullable ClassFileCrc crc(String className) throws IOException {
			return this.classFiles.crc(className);
		}

		@Override
		public boolean recordsCrc(String className) {
			return this.classFiles.recordsCrc(className);
		}

		/**
		 * The class, or {@code null} if it cannot be loaded here: an applied migration's
		 * class was not needed before, so its loading failing is left to whatever needs
		 * its bean.
		 */
		private @Nullable Class<?> loadIfPossible() {
			try {
				return load(this.classFiles.classLoader(), this.entry.className());
			}
			catch (IllegalStateException | LinkageError ex) {
				return null;
			}
		}

	}

	/**
	 * Create a migration bean with its no-argument constructor.
	 * @param type the migration class
	 * @return the bean
	 * @throws IllegalStateException if it cannot be created
	 */
	public static Object instantiate(Class<?> type) {
		try {
			var constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			return constructor.newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot create migration " + type.getName()
					+ " with a no-argument constructor; give the index a function that creates it", ex);
		}
	}

	private static Class<?> load(ClassLoader classLoader, String className) {
		try {
			return Class.forName(className, false, classLoader);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Migration class " + className + " listed in " + LOCATION
					+ " cannot be loaded; rebuild the application to refresh the index", ex);
		}
	}

	/**
	 * The class files in the jar or directory an index was read from, looked up without
	 * asking the class loader for a URL per class (a thousand such look-ups cost tens of
	 * milliseconds in a new JVM). A class file not found there is looked for on the whole
	 * class path.
	 */
	@FunctionalInterface
	private interface Lookup<T> {

		@Nullable T find(ClassFiles root, String classFile) throws IOException;

	}

	private interface ClassFiles {

		boolean contains(String classFile);

		byte @Nullable [] read(String classFile) throws IOException;

		default @Nullable ClassFileCrc crc(String classFile) throws IOException {
			byte[] bytes = read(classFile);
			return (bytes != null) ? ClassFileCrc.of(bytes) : null;
		}

		static ClassFiles beside(URL index) {
			try {
				if (index.getProtocol().equals("jar")
						&& index.openConnection() instanceof JarURLConnection connection) {
					// The connection's cached jar, opened to read the index, is not
					// closed.
					return JarClassFiles.of(connection.getJarFile());
				}
				if (index.getProtocol().equals("file")) {
					// .../META-INF/migrate/migrations.index: the root is three levels up.
					return new DirectoryClassFiles(Path.of(index.toURI()).resolve("../../..").normalize());
				}
			}
			catch (IOException | URISyntaxException | RuntimeException ex) {
				// Look each class file up on the class path.
			}
			return new NoClassFiles();
		}

	}

	/**
	 * The class files of a jar, at its root or, in a Spring Boot jar, below
	 * {@code BOOT-INF/classes}: looked up first where the jar's layout puts them.
	 */
	private record JarClassFiles(JarFile jar, String prefix, String otherPrefix) implements ClassFiles {

		private static final String BOOT_CLASSES = "BOOT-INF/classes/";

		static JarClassFiles of(JarFile jar) {
			return (jar.getJarEntry(BOOT_CLASSES) != null) ? new JarClassFiles(jar, BOOT_CLASSES, "")
					: new JarClassFiles(jar, "", BOOT_CLASSES);
		}

		@Override
		public boolean contains(String classFile) {
			return entry(classFile) != null;
		}

		@Override
		public byte @Nullable [] read(String classFile) throws IOException {
			JarEntry entry = entry(classFile);
			if (entry == null) {
				return null;
			}
			try (InputStream input = this.jar.getInputStream(entry)) {
				return input.readAllBytes();
			}
		}

		@Override
		public @Nullable ClassFileCrc crc(String classFile) throws IOException {
			JarEntry entry = entry(classFile);
			ClassFileCrc recorded = (entry != null) ? ClassFileCrc.recordedFor(entry) : null;
			return (recorded != null) ? recorded : ClassFiles.super.crc(classFile);
		}

		private @Nullable JarEntry entry(String classFile) {
			JarEntry entry = this.jar.getJarEntry(this.prefix + classFile);
			return (entry != null) ? entry : this.jar.getJarEntry(this.otherPrefix + classFile);
		}

	}

	/**
	 * The class files below a directory.
	 */
	private record DirectoryClassFiles(Path root) implements ClassFiles {

		@Override
		public boolean contains(String classFile) {
			return Files.isRegularFile(this.root.resolve(classFile));
		}

		@Override
		public byte @Nullable [] read(String classFile) throws IOException {
			Path file = this.root.resolve(classFile);
			return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
		}

	}

	/**
	 * No class files of its own: every look-up goes to the class loader.
	 */
	private record NoClassFiles() implements ClassFiles {

		@Override
		public boolean contains(String classFile) {
			return false;
		}

		@Override
		public byte @Nullable [] read(String classFile) {
			return null;
		}

	}

	static String format(Collection<Entry> entries) {
		StringBuilder text = new StringBuilder(HEADER).append('\n');
		for (Entry entry : entries) {
			text.append(String.join("\t", escape(entry.className()), escape(entry.version()),
					escape(entry.description()), entry.transaction().name(), escape(entry.checksum()),
					escape(entry.beanAttribute()), entry.reversible().name(), escape(entry.database()),
					(entry.annotations() != null) ? entry.annotations().format() : ""))
				.append('\n');
		}
		return text.toString();
	}

	static List<Entry> parse(String text) {
		List<Entry> entries = new ArrayList<>();
		String[] lines = text.split("\n");
		int expected = (lines.length == 0) ? 0 : switch (lines[0]) {
			case HEADER -> 9;
			case HEADER_2 -> 8;
			case HEADER_1 -> 7;
			default -> 0;
		};
		if (expected == 0) {
			throw new IllegalArgumentException("it does not start with '" + HEADER + "'");
		}
		// Most classes have the same annotations: one instance serves them all.
		Map<String, Annotations> annotations = new HashMap<>();
		for (int i = 1; i < lines.length; i++) {
			if (lines[i].isEmpty()) {
				continue;
			}
			String[] fields = lines[i].split("\t", -1);
			if (fields.length != expected) {
				throw new IllegalArgumentException(
						"line " + (i + 1) + " has " + fields.length + " fields, not " + expected);
			}
			entries.add(new Entry(unescape(fields[0]), unescape(fields[1]), unescape(fields[2]),
					TransactionMode.valueOf(fields[3]), unescape(fields[4]), unescape(fields[5]),
					Reversible.valueOf(fields[6]), (expected >= 8) ? unescape(fields[7]) : "",
					(expected == 9 && !fields[8].isEmpty()) ? annotations.computeIfAbsent(fields[8], Annotations::parse)
							: null));
		}
		return entries;
	}

	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	private static String unescape(String value) {
		if (value.indexOf('\\') < 0) {
			// Nearly every field: a thousand lines are read at each start.
			return value;
		}
		StringBuilder result = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char next = value.charAt(++i);
				result.append(switch (next) {
					case 't' -> '\t';
					case 'n' -> '\n';
					case 'r' -> '\r';
					default -> next;
				});
			}
			else {
				result.append(c);
			}
		}
		return result.toString();
	}

	/**
	 * One migration class listed in the index.
	 *
	 * @param className the binary name of the class
	 * @param version the {@code version} attribute
	 * @param description the {@code description} attribute
	 * @param transaction the {@code transaction} attribute
	 * @param checksum the {@code checksum} attribute
	 * @param beanAttribute the {@code beanName} attribute, empty for the default
	 * @param reversible whether the class has a {@code down} method
	 * @param database the {@code database} attribute, empty for the primary database
	 * @param annotations the class's annotations, or {@code null} if its index was
	 * written before they were listed
	 */
	public record Entry(String className, String version, String description, TransactionMode transaction,
			String checksum, String beanAttribute, Reversible reversible, String database,
			@Nullable Annotations annotations) {

		/**
		 * An entry whose class's annotations are not known.
		 * @param className the binary name of the class
		 * @param version the {@code version} attribute
		 * @param description the {@code description} attribute
		 * @param transaction the {@code transaction} attribute
		 * @param checksum the {@code checksum} attribute
		 * @param beanAttribute the {@code beanName} attribute, empty for the default
		 * @param reversible whether the class has a {@code down} method
		 * @param database the {@code database} attribute, empty for the primary database
		 */
		public Entry(String className, String version, String description, TransactionMode transaction, String checksum,
				String beanAttribute, Reversible reversible, String database) {
			this(className, version, description, transaction, checksum, beanAttribute, reversible, database, null);
		}

		/**
		 * The bean name: the {@code beanName} attribute, else the simple class name
		 * starting in lower case.
		 * @return the bean name
		 */
		public String beanName() {
			if (!this.beanAttribute.isEmpty()) {
				return this.beanAttribute;
			}
			String simpleName = this.className.substring(this.className.lastIndexOf('.') + 1);
			simpleName = simpleName.substring(simpleName.lastIndexOf('$') + 1);
			return StringUtils.uncapitalize(simpleName);
		}

	}

	/**
	 * The annotations of a listed class as Spring's metadata read from its class file has
	 * them ({@link org.springframework.core.type.AnnotationMetadata}): those of run-time
	 * retention declared on the class, and those present on these at any depth, leaving
	 * out the {@code java.lang} and {@code org.springframework.lang} packages as Spring
	 * does. Component scanning can then ask whether a listed class is annotated without
	 * its class file being parsed.
	 *
	 * @param declared the binary names of the annotations declared on the class, in
	 * declaration order
	 * @param meta the binary names of the annotations present on those, at any depth
	 * @since 0.2.0
	 */
	public record Annotations(List<String> declared, Set<String> meta) {

		/**
		 * The annotations of a class.
		 * @param declared the binary names of the annotations declared on the class
		 * @param meta the binary names of the annotations present on those
		 */
		public Annotations {
			declared = List.copyOf(declared);
			meta = Collections.unmodifiableSet(new LinkedHashSet<>(meta));
		}

		/**
		 * Whether an annotation is declared on the class or present on one declared
		 * there, as
		 * {@link org.springframework.core.type.AnnotatedTypeMetadata#isAnnotated}.
		 * @param annotationName the binary name of the annotation
		 * @return whether it is present
		 */
		public boolean isPresent(String annotationName) {
			return this.declared.contains(annotationName) || this.meta.contains(annotationName);
		}

		/**
		 * Whether an annotation is declared on the class, as
		 * {@link org.springframework.core.type.AnnotationMetadata#hasAnnotation}.
		 * @param annotationName the binary name of the annotation
		 * @return whether it is declared
		 */
		public boolean isDeclared(String annotationName) {
			return this.declared.contains(annotationName);
		}

		/**
		 * Whether an annotation is present on one declared on the class, at any depth, as
		 * {@link org.springframework.core.type.AnnotationMetadata#hasMetaAnnotation}.
		 * @param annotationName the binary name of the annotation
		 * @return whether it is present there
		 */
		public boolean isMetaPresent(String annotationName) {
			return this.meta.contains(annotationName);
		}

		String format() {
			return String.join(",", this.declared) + ";" + String.join(",", this.meta);
		}

		static Annotations parse(String field) {
			int separator = field.indexOf(';');
			if (separator < 0) {
				throw new IllegalArgumentException("the annotations '" + field + "' have no ';'");
			}
			return new Annotations(names(field.substring(0, separator)),
					new LinkedHashSet<>(names(field.substring(separator + 1))));
		}

		private static List<String> names(String joined) {
			return joined.isEmpty() ? List.of() : List.of(joined.split(","));
		}

	}

	/**
	 * Whether a class has a {@code down} method where the engine looks for one: declared
	 * by the class or a superclass, or a default method of an interface they implement.
	 */
	public enum Reversible {

		/** It has one. */
		YES(true),

		/** It has none. */
		NO(false),

		/**
		 * It declares none, and a supertype that could not be read (or, in an index of an
		 * earlier version, any supertype) may have one.
		 */
		UNKNOWN(null);

		private final @Nullable Boolean value;

		Reversible(@Nullable Boolean value) {
			this.value = value;
		}

		/**
		 * The answer as a value.
		 * @return {@code true} or {@code false}, or {@code null} when unknown
		 * @since 0.2.0
		 */
		public @Nullable Boolean value() {
			return this.value;
		}

		/**
		 * This answer together with a supertype's, asked only while this is not
		 * {@link #YES}: yes if either is, else unknown if either is.
		 * @param other the supertype's answer
		 * @return the answer for both
		 * @since 0.2.0
		 */
		public Reversible or(Supplier<Reversible> other) {
			if (this == YES) {
				return YES;
			}
			Reversible answer = other.get();
			return (answer == YES || this == NO) ? answer : UNKNOWN;
		}

	}

}
