package dev.migrate.resolver;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.migrate.Migration;
import dev.migrate.MigrationContext;
import dev.migrate.MigrationDefinitionException;
import dev.migrate.Version;
import dev.migrate.resolver.MigrationMethod.ParameterKind;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Finds migrations among {@link Migration @Migration} beans and checks each one: version,
 * {@code up}/{@code down} methods and their parameters. Every problem is collected and
 * reported together, each naming its bean.
 *
 * @since 0.1.0
 */
public final class MigrationResolver {

	// A class of its own rather than Comparator.comparing: no lambda spun on a start.
	private static final Comparator<ResolvedMigration> BY_VERSION = new Comparator<>() {

		@Override
		public int compare(ResolvedMigration first, ResolvedMigration second) {
			return first.version().compareTo(second.version());
		}

	};

	private static final int PARALLEL_CHECKSUMS_THRESHOLD = 64;

	private MigrationResolver() {
	}

	/**
	 * Resolve migrations from beans, naming each after its class.
	 * @param beans the migration beans
	 * @return the migrations, ordered by version
	 * @throws MigrationDefinitionException if any bean is not a valid migration
	 */
	public static List<ResolvedMigration> resolve(Iterable<?> beans) {
		Map<String, Object> named = new LinkedHashMap<>();
		for (Object bean : beans) {
			String name = StringUtils.uncapitalize(ClassUtils.getUserClass(bean).getSimpleName());
			String unique = name;
			for (int i = 2; named.containsKey(unique); i++) {
				unique = name + "#" + i;
			}
			named.put(unique, bean);
		}
		return resolve(named);
	}

	/**
	 * Resolve migrations from named beans.
	 * @param beans the migration beans by bean name
	 * @return the migrations, ordered by version
	 * @throws MigrationDefinitionException if any bean is not a valid migration
	 */
	public static List<ResolvedMigration> resolve(Map<String, ?> beans) {
		if (beans.size() >= PARALLEL_CHECKSUMS_THRESHOLD) {
			// Reading class files dominates discovery of many migrations: spread it over
			// the cores; the results are cached per class, failures reported below.
			beans.values().parallelStream().forEach(MigrationResolver::prefetchFingerprint);
		}
		List<String> problems = new ArrayList<>();
		List<ResolvedMigration> migrations = new ArrayList<>(beans.size());
		beans.forEach((beanName, bean) -> {
			ResolvedMigration migration = resolve(beanName, bean, problems, true);
			if (migration != null) {
				migrations.add(migration);
			}
		});
		return sortedWithoutDuplicates(migrations, problems);
	}

	/**
	 * Put migrations found in different ways (beans, SQL files) in one list.
	 * @param first some migrations
	 * @param second more migrations
	 * @return all of them, ordered by version
	 * @throws MigrationDefinitionException if two share a version
	 */
	public static List<ResolvedMigration> merge(List<ResolvedMigration> first, List<ResolvedMigration> second) {
		List<ResolvedMigration> all = new ArrayList<>(first.size() + second.size());
		all.addAll(first);
		all.addAll(second);
		return sortedWithoutDuplicates(all, new ArrayList<>());
	}

	private static String source(ResolvedMigration migration) {
		return SqlFileMigration.class.getName().equals(migration.className()) ? "SQL file " + migration.beanName()
				: "bean '" + migration.beanName() + "' (" + migration.className() + ")";
	}

	private static List<ResolvedMigration> sortedWithoutDuplicates(List<ResolvedMigration> migrations,
			List<String> problems) {
		migrations.sort(BY_VERSION);
		for (int i = 1; i < migrations.size(); i++) {
			ResolvedMigration previous = migrations.get(i - 1);
			ResolvedMigration current = migrations.get(i);
			if (previous.version().equals(current.version())) {
				problems.add("Duplicate version " + current.version() + ": " + source(previous) + " and "
						+ source(current) + ". Give one of them a new, higher version.");
			}
		}
		if (!problems.isEmpty()) {
			throw new MigrationDefinitionException(problems);
		}
		return List.copyOf(migrations);
	}

	/**
	 * Resolve migrations from sources, lazily: their attributes are checked now, their
	 * beans obtained and checked only when they are needed (see
	 * {@link ResolvedMigration}), their checksums computed from their class files when
	 * first asked for, without loading the classes.
	 * @param sources the migrations as described without loading their classes
	 * @return the migrations, ordered by version
	 * @throws MigrationDefinitionException if any source has invalid attributes or two
	 * share a version
	 */
	public static List<ResolvedMigration> resolveSources(Collection<MigrationSource> sources) {
		List<String> problems = new ArrayList<>();
		List<ResolvedMigration> migrations = new ArrayList<>(sources.size());
		for (MigrationSource source : sources) {
			FromSource deferred = new FromSource(source);
			String description = StringUtils.hasText(source.description()) ? source.description().trim()
					: describe(source.simpleClassName());
			Version version = checkAttributes(deferred, source.version(), description, source.beanName(),
					source.className(), source.checksum(), problems);
			if (version != null) {
				migrations.add(new ResolvedMigration(version, description, source.beanName(), source.className(),
						source.transaction(), source.reversible(), deferred));
			}
		}
		return sortedWithoutDuplicates(migrations, problems);
	}

	/**
	 * What a migration given as a source computes when first asked for: its checksum from
	 * the class file (read once, without loading the class), its bean. Also supplies the
	 * migration's name for messages, built only for a message: built for a thousand
	 * sources at every start, it would cost more than checking them.
	 */
	private static final class FromSource implements ResolvedMigration.Deferred, Supplier<String> {

		private final MigrationSource source;

		private volatile byte @Nullable [] bytes;

		FromSource(MigrationSource source) {
			this.source = source;
		}

		@Override
		public String get() {
			return "bean '" + this.source.beanName() + "' (" + this.source.className() + ")";
		}

		@Override
		public String checksum() {
			if (isPinned()) {
				return Fingerprint.explicit(this.source.checksum()).stored();
			}
			try {
				return Fingerprinter.fingerprint(this.source.className(), bytes()).stored();
			}
			catch (FingerprintException ex) {
				throw new MigrationDefinitionException(List.of(get() + ": " + ex.getMessage()));
			}
		}

		@Override
		public Optional<byte[]> classFile() {
			if (isPinned()) {
				return Optional.empty();
			}
			try {
				return Optional.of(bytes());
			}
			catch (FingerprintException ex) {
				return Optional.empty();
			}
		}

		@Override
		public Optional<ClassFileCrc> classFileCrc(ResolvedMigration migration) {
			if (isPinned()) {
				return Optional.empty();
			}
			try {
				return Optional.ofNullable(this.source.classFiles().crc(this.source.className()));
			}
			catch (IOException | RuntimeException ex) {
				// The fingerprint is computed then, and says why the file is unreadable.
				return Optional.empty();
			}
		}

		@Override
		public ResolvedMigration.Resolved resolve(ResolvedMigration migration) {
			return resolveBean(this.source, get(), migration.version());
		}

		@Override
		public boolean isCheckedWithoutReading() {
			return isPinned() || this.source.classFiles().recordsCrc(this.source.className());
		}

		/** Whether the annotation pins the checksum: no class file is read for it. */
		private boolean isPinned() {
			return !this.source.checksum().isEmpty();
		}

		/**
		 * The bytes of the class file, read once, when first needed, without loading the
		 * class.
		 */
		private byte[] bytes() {
			byte[] result = this.bytes;
			if (result == null) {
				result = Fingerprinter.read(this.source.className(), this.source.classFiles());
				this.bytes = result;
			}
			return result;
		}

	}

	private static ResolvedMigration.Resolved resolveBean(MigrationSource source, String name, Version version) {
		Object bean = source.bean().get();
		List<String> problems = new ArrayList<>();
		ResolvedMigration resolved = resolve(source.beanName(), bean, problems, false);
		if (resolved != null && !resolved.className().equals(source.className())) {
			problems.add(name + ": the bean is of class " + resolved.className() + ", not " + source.className()
					+ ". Describe each migration with the class of its bean.");
		}
		else if (resolved != null && !resolved.version().equals(version)) {
			problems.add(name + ": @Migration of the loaded class has version " + resolved.version()
					+ ", but the migration was described with version " + version
					+ ". Rebuild the application, so that both come from the same class.");
		}
		if (!problems.isEmpty() || resolved == null) {
			throw new MigrationDefinitionException(problems);
		}
		return new ResolvedMigration.Resolved(resolved.beanClass(), resolved.bean(), resolved.up(), resolved.down());
	}

	private static @Nullable ResolvedMigration resolve(String beanName, Object bean, List<String> problems,
			boolean withFingerprint) {
		Class<?> beanClass = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
		String name = "bean '" + beanName + "' (" + beanClass.getName() + ")";
		Migration annotation = findAnnotation(beanClass);
		if (annotation == null) {
			problems.add(name + " is not annotated with @Migration.");
			return null;
		}
		int before = problems.size();
		String description = StringUtils.hasText(annotation.description()) ? annotation.description().trim()
				: describe(beanClass.getSimpleName());
		Version version = checkAttributes(() -> name, annotation.version(), description, beanName, beanClass.getName(),
				annotation.checksum(), problems);
		Method[] methods = ReflectionUtils.getUniqueDeclaredMethods(beanClass);
		MigrationMethod up = findMethod(methods, "up", name, true, problems);
		MigrationMethod down = findMethod(methods, "down", name, false, problems);
		if (AopUtils.isJdkDynamicProxy(bean)) {
			up = throughProxy(up, bean, name, problems);
			down = throughProxy(down, bean, name, problems);
		}
		if (problems.size() > before || up == null || version == null) {
			return null;
		}
		String checksum = "";
		if (withFingerprint) {
			try {
				checksum = fingerprint(beanClass, annotation).stored();
			}
			catch (FingerprintException ex) {
				problems.add(name + ": " + ex.getMessage());
				return null;
			}
		}
		return new ResolvedMigration(version, description, beanName, beanClass, bean, annotation.transaction(), up,
				down, checksum);
	}

	/**
	 * Check what the annotation says, and the names the history table keeps, adding a
	 * message for each problem.
	 * @return the version, or {@code null} if any attribute has a problem
	 */
	private static @Nullable Version checkAttributes(Supplier<String> name, String version, String description,
			String beanName, String className, String checksum, List<String> problems) {
		int before = problems.size();
		String versionProblem = Version.problemWith(version);
		Version parsed = (versionProblem != null) ? null : Version.parse(version);
		if (versionProblem != null) {
			problems.add(name.get() + ": @Migration " + versionProblem + ".");
		}
		else if (Version.EMPTY.equals(parsed)) {
			problems.add(name.get() + ": @Migration version \"" + version
					+ "\" is zero, which stands for \"before any migration\" (a rollback to version 0 rolls back"
					+ " everything). Number migrations from 1.");
		}
		else if (version.trim().length() > Migration.MAX_VERSION_LENGTH) {
			problems.add(name.get() + ": @Migration version \"" + version + "\" has " + version.trim().length()
					+ " characters; the history table keeps at most " + Migration.MAX_VERSION_LENGTH
					+ ". Use a shorter version.");
		}
		if (description.length() > Migration.MAX_DESCRIPTION_LENGTH) {
			tooLong(problems, name, "description \"" + abbreviate(description) + "\"", description,
					Migration.MAX_DESCRIPTION_LENGTH, "Shorten it (@Migration(description = ...) or the class name).");
		}
		if (beanName.length() > Migration.MAX_BEAN_NAME_LENGTH) {
			tooLong(problems, name, "bean name", beanName, Migration.MAX_BEAN_NAME_LENGTH,
					"Give the bean a shorter name (@Migration(beanName = ...)).");
		}
		if (className.length() > Migration.MAX_CLASS_NAME_LENGTH) {
			tooLong(problems, name, "class name", className, Migration.MAX_CLASS_NAME_LENGTH,
					"Move the class to a shorter package or give it a shorter name.");
		}
		String checksumProblem = explicitChecksumProblem(checksum);
		if (checksumProblem != null) {
			problems.add(name.get() + ": @Migration checksum " + checksumProblem + ".");
		}
		return (problems.size() > before) ? null : parsed;
	}

	/**
	 * The {@code @Migration} annotation of a migration class, declared or composed.
	 * @param beanClass the class
	 * @return the annotation, or {@code null} if the class has none
	 * @since 0.2.0
	 */
	public static @Nullable Migration findAnnotation(Class<?> beanClass) {
		// The annotation is nearly always declared directly; merged look-up (for composed
		// annotations) is much slower on a cold start.
		Migration annotation = beanClass.getAnnotation(Migration.class);
		return (annotation != null) ? annotation
				: AnnotatedElementUtils.findMergedAnnotation(beanClass, Migration.class);
	}

	/**
	 * The method as a JDK proxy of the bean exposes it, so that its advice (such as
	 * {@code @Transactional}) applies: the proxy is not an instance of the bean's class.
	 */
	private static @Nullable MigrationMethod throughProxy(@Nullable MigrationMethod method, Object proxy, String name,
			List<String> problems) {
		if (method == null) {
			return null;
		}
		try {
			return method.on(AopUtils.selectInvocableMethod(method.getMethod(), proxy.getClass()));
		}
		catch (IllegalStateException ex) {
			problems.add(name + " is a JDK proxy (spring.aop.proxy-target-class=false) of interfaces "
					+ Arrays.toString(proxy.getClass().getInterfaces()) + " that do not declare "
					+ method.getMethod().getName() + "(...). Declare up and down in an interface the bean implements,"
					+ " or let Spring proxy the class itself (spring.aop.proxy-target-class=true, the default).");
			return null;
		}
	}

	// Checked at start-up rather than truncated in the history, where repair would then
	// find them changed on every run.
	private static void tooLong(List<String> problems, Supplier<String> name, String what, String value, int max,
			String remedy) {
		problems.add(name.get() + ": the " + what + " has " + value.length()
				+ " characters; the history table keeps at most " + max + ". " + remedy);
	}

	private static String abbreviate(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 37) + "...";
	}

	/** A checksum pinned on the annotation, else the fingerprint of the bytecode. */
	private static Fingerprint fingerprint(Class<?> beanClass, Migration annotation) {
		String explicit = annotation.checksum();
		return explicit.isEmpty() ? Fingerprinter.fingerprint(beanClass) : Fingerprint.explicit(explicit);
	}

	private static void prefetchFingerprint(Object bean) {
		Class<?> beanClass = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
		Migration annotation = findAnnotation(beanClass);
		if (annotation != null && annotation.checksum().isEmpty()) {
			try {
				Fingerprinter.fingerprint(beanClass);
			}
			catch (RuntimeException ex) {
				// Reported with the other problems of the bean.
			}
		}
	}

	/**
	 * What is wrong with a checksum pinned with {@code @Migration(checksum = ...)}.
	 * @param checksum the attribute's value, empty when none is pinned
	 * @return the problem, or {@code null} if there is none
	 */
	static @Nullable String explicitChecksumProblem(String checksum) {
		if (checksum.isEmpty()) {
			return null;
		}
		if (checksum.isBlank()) {
			return "is blank: leave it out to fingerprint the bytecode, or pin a value such as \"1\" and change it"
					+ " whenever the migration changes";
		}
		if (!checksum.equals(checksum.strip())) {
			return "\"" + checksum + "\" starts or ends with spaces: remove them";
		}
		if (checksum.chars().anyMatch(Character::isISOControl)) {
			return "\"" + checksum.replaceAll("\\p{Cntrl}", "?")
					+ "\" contains a control character (a line break or tab?): use printable characters";
		}
		int longest = Fingerprint.MAX_STORED_LENGTH - Fingerprint.EXPLICIT.length() - 1;
		if (checksum.length() > longest) {
			return "\"" + checksum + "\" is " + checksum.length() + " characters long, but at most " + longest
					+ " fit the history table (where it is recorded as \"" + Fingerprint.EXPLICIT
					+ ":<checksum>\"): use a shorter value";
		}
		return null;
	}

	private static @Nullable MigrationMethod findMethod(Method[] methods, String methodName, String name,
			boolean required, List<String> problems) {
		List<Method> candidates = Arrays.stream(methods)
			.filter((method) -> method.getName().equals(methodName) && !method.isBridge() && !method.isSynthetic())
			.filter((method) -> !Modifier.isStatic(method.getModifiers()))
			.toList();
		List<Method> publicMethods = candidates.stream()
			.filter((method) -> Modifier.isPublic(method.getModifiers()))
			.toList();
		if (publicMethods.isEmpty()) {
			if (!candidates.isEmpty()) {
				problems.add(name + ": method '" + methodName + "' must be public, but " + candidates.get(0)
						+ " is not. Declare it 'public void " + methodName + "(...)'.");
			}
			else if (required) {
				problems.add(name + " has no public 'up' method. Declare 'public void up(JdbcTemplate jdbc)'"
						+ " (or with another supported parameter) that applies the change.");
			}
			return null;
		}
		if (publicMethods.size() > 1) {
			problems.add(name + " has " + publicMethods.size() + " public '" + methodName + "' methods ("
					+ publicMethods.stream().map(Method::toString).collect(Collectors.joining(", "))
					+ "). Declare exactly one; migrate cannot choose between overloads.");
			return null;
		}
		Method method = publicMethods.get(0);
		List<Function<MigrationContext, Object>> arguments = new ArrayList<>();
		for (Parameter parameter : method.getParameters()) {
			ParameterKind kind = MigrationMethod.PARAMETER_KINDS.stream()
				.filter((candidate) -> candidate.type().equals(parameter.getType()))
				.findFirst()
				.orElse(null);
			if (kind == null) {
				problems.add(name + ": parameter '" + parameter.getName() + "' of type " + parameter.getType().getName()
						+ " of method " + method + " is not supported. Use one of "
						+ MigrationMethod.PARAMETER_KINDS.stream()
							.map((candidate) -> candidate.type().getSimpleName())
							.collect(Collectors.joining(", "))
						+ "; inject other collaborators into the bean's constructor.");
			}
			else {
				arguments.add(kind.provider());
			}
		}
		return new MigrationMethod(method, arguments);
	}

	/**
	 * Turn a class name into words: {@code CreateUsersTable} becomes "Create users
	 * table".
	 * @param className the simple class name
	 * @return the words
	 */
	static String describe(String className) {
		List<String> words = words(className);
		StringBuilder description = new StringBuilder(className.length() + words.size());
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
			if (i > 0) {
				description.append(' ').append(acronym ? word : word.toLowerCase(Locale.ROOT));
			}
			else {
				description.append(StringUtils.capitalize(acronym ? word : word.toLowerCase(Locale.ROOT)));
			}
		}
		return description.toString();
	}

	/**
	 * The words of a class name, split by hand rather than by regular expressions: every
	 * migration without a description is described at every start, and the patterns,
	 * compiled on each call, cost about 65 ms for a thousand in a new JVM.
	 * @param className the simple class name
	 * @return its words, as written
	 */
	static List<String> words(String className) {
		List<String> words = new ArrayList<>();
		int wordStart = -1;
		for (int i = 0; i < className.length(); i++) {
			char c = className.charAt(i);
			if (c == '_') {
				if (wordStart >= 0) {
					words.add(className.substring(wordStart, i));
					wordStart = -1;
				}
			}
			else if (wordStart < 0) {
				wordStart = i;
			}
			else if (startsWord(className, i)) {
				words.add(className.substring(wordStart, i));
				wordStart = i;
			}
		}
		if (wordStart >= 0) {
			words.add(className.substring(wordStart));
		}
		return words;
	}

	/**
	 * Whether a word starts at a character that follows one of the same word: a capital
	 * after a small letter or a digit ({@code addIndex}, {@code v2Add}), the last capital
	 * of an acronym followed by a small letter ({@code HTTPServer}), a digit after a
	 * letter ({@code version2}).
	 */
	private static boolean startsWord(String text, int index) {
		char previous = text.charAt(index - 1);
		char current = text.charAt(index);
		if (Character.isUpperCase(current)) {
			return Character.isLowerCase(previous) || Character.isDigit(previous) || (Character.isUpperCase(previous)
					&& index + 1 < text.length() && Character.isLowerCase(text.charAt(index + 1)));
		}
		return Character.isDigit(current) && Character.isLetter(previous);
	}

}
