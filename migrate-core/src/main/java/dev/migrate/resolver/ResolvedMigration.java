package dev.migrate.resolver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import dev.migrate.MigrationDefinitionException;
import dev.migrate.TransactionMode;
import dev.migrate.Version;
import org.jspecify.annotations.Nullable;

/**
 * A migration found in the code: a {@link dev.migrate.Migration @Migration} bean with its
 * version, description, checksum and methods, checked once at discovery.
 * <p>
 * A migration given as a {@link MigrationSource} is resolved lazily: its version,
 * description, bean name, class name and transaction mode are known at once, its checksum
 * is computed from the class file when first asked for, and its bean is obtained, its
 * class loaded and checked, only when {@link #bean()}, {@link #beanClass()},
 * {@link #up()} or {@link #down()} is first called (or {@link #resolveAll}).
 *
 * @since 0.1.0
 */
public final class ResolvedMigration {

	private final Version version;

	private final String description;

	private final String beanName;

	private final String className;

	private final TransactionMode transactionMode;

	private final @Nullable Boolean reversible;

	private final Supplier<String> checksum;

	private final Supplier<Optional<byte[]>> classFile;

	private final Supplier<Optional<ClassFileCrc>> classFileCrc;

	private final Supplier<Resolved> resolved;

	/**
	 * A migration resolved from its bean.
	 * @param version the version
	 * @param description the description
	 * @param beanName the bean name
	 * @param beanClass the bean's class, without proxies
	 * @param bean the bean instance
	 * @param transactionMode the mode the annotation asks for,
	 * {@link TransactionMode#DEFAULT} to follow the engine
	 * @param up the {@code up} method
	 * @param down the {@code down} method, or {@code null} when irreversible
	 * @param checksum the stored text of the migration's {@link Fingerprint}, such as
	 * {@code b1:3fa94c0d9e2b6a1f0c7d55e8b4a6e213} or {@code explicit:2}
	 */
	public ResolvedMigration(Version version, String description, String beanName, Class<?> beanClass, Object bean,
			TransactionMode transactionMode, MigrationMethod up, @Nullable MigrationMethod down, String checksum) {
		this.version = version;
		this.description = description;
		this.beanName = beanName;
		this.className = beanClass.getName();
		this.transactionMode = transactionMode;
		this.reversible = down != null;
		this.checksum = () -> checksum;
		this.classFile = once(() -> Optional
			.ofNullable(Fingerprint.parse(checksum).isExplicit() ? null : Fingerprinter.classFile(beanClass)));
		this.classFileCrc = once(() -> this.classFile.get().map(ClassFileCrc::of));
		Resolved resolved = new Resolved(beanClass, bean, up, down);
		this.resolved = () -> resolved;
	}

	ResolvedMigration(Version version, String description, String beanName, String className,
			TransactionMode transactionMode, @Nullable Boolean reversible, Supplier<String> checksum,
			Supplier<Optional<byte[]>> classFile, Supplier<Optional<ClassFileCrc>> classFileCrc,
			Supplier<Resolved> resolved) {
		this.version = version;
		this.description = description;
		this.beanName = beanName;
		this.className = className;
		this.transactionMode = transactionMode;
		this.reversible = reversible;
		this.checksum = once(checksum);
		this.classFile = once(classFile);
		this.classFileCrc = once(classFileCrc);
		this.resolved = once(resolved);
	}

	/**
	 * Resolve every migration of a list that is not resolved yet: obtain its bean, load
	 * and check its class. Operations call it before they run anything, so that a
	 * migration that is not well defined stops them before any change.
	 * @param migrations the migrations
	 * @throws MigrationDefinitionException naming every migration that is not well
	 * defined
	 */
	public static void resolveAll(Collection<ResolvedMigration> migrations) {
		List<String> problems = new ArrayList<>();
		for (ResolvedMigration migration : migrations) {
			try {
				migration.resolved.get();
			}
			catch (MigrationDefinitionException ex) {
				problems.addAll(ex.getProblems());
			}
		}
		if (!problems.isEmpty()) {
			throw new MigrationDefinitionException(problems);
		}
	}

	public Version version() {
		return this.version;
	}

	public String description() {
		return this.description;
	}

	public String beanName() {
		return this.beanName;
	}

	/**
	 * The binary name of the bean's class, known without loading it.
	 * @return the class name
	 */
	public String className() {
		return this.className;
	}

	/**
	 * The bean's class, without proxies; loads it if it is not yet.
	 * @return the class
	 */
	public Class<?> beanClass() {
		return this.resolved.get().beanClass();
	}

	/**
	 * The bean instance; obtains it if it is not yet.
	 * @return the bean
	 */
	public Object bean() {
		return this.resolved.get().bean();
	}

	/**
	 * The mode the annotation asks for.
	 * @return the mode, {@link TransactionMode#DEFAULT} to follow the engine
	 */
	public TransactionMode transactionMode() {
		return this.transactionMode;
	}

	/**
	 * The {@code up} method.
	 * @return the method
	 */
	public MigrationMethod up() {
		return this.resolved.get().up();
	}

	/**
	 * The {@code down} method.
	 * @return the method, or {@code null} when irreversible
	 */
	public @Nullable MigrationMethod down() {
		return this.resolved.get().down();
	}

	/**
	 * The stored text of the migration's {@link Fingerprint}, such as
	 * {@code b1:3fa94c0d9e2b6a1f0c7d55e8b4a6e213} or {@code explicit:2}.
	 * @return the checksum
	 */
	public String checksum() {
		return this.checksum.get();
	}

	/**
	 * The {@link Fingerprinter#classHash(String, ClassFileCrc) hash} that ties the
	 * checksum to the class file it is computed from, recorded next to it.
	 * @return the hash, or {@code null} for a pinned checksum or a class file that cannot
	 * be read
	 */
	public @Nullable String classHash() {
		ClassFileCrc crc = this.classFileCrc.get().orElse(null);
		return (crc != null) ? crc.classHash(checksum()) : null;
	}

	/**
	 * The checksum migrate 0.1 recorded for this migration's class file
	 * ({@link Fingerprinter#classCrc32(byte[])}), to recognize a row it wrote.
	 * @return the value, or {@code null} if the class file cannot be read
	 */
	public @Nullable String classCrc32() {
		byte[] bytes = this.classFile.get().orElse(null);
		if (bytes == null) {
			bytes = Fingerprinter.classFile(beanClass());
		}
		try {
			return (bytes != null) ? Fingerprinter.classCrc32(bytes).value() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Whether a checksum recorded with a class hash was computed from this migration's
	 * class file as it is now: then it is this migration's checksum, and need not be
	 * computed again.
	 * @param recordedChecksum the checksum in the history
	 * @param recordedClassHash the class hash in the history
	 * @return {@code true} if the class file is the one the checksum was computed from
	 */
	public boolean isClassFileOf(String recordedChecksum, String recordedClassHash) {
		ClassFileCrc crc = this.classFileCrc.get().orElse(null);
		return crc != null && crc.classHash(recordedChecksum).equals(recordedClassHash);
	}

	/**
	 * The fingerprint of the migration's definition, read from {@link #checksum()}.
	 * @return the fingerprint
	 */
	public Fingerprint fingerprint() {
		return Fingerprint.parse(checksum());
	}

	/**
	 * Whether the migration has a {@code down} method.
	 * @return {@code true} if it can be rolled back
	 */
	public boolean isReversible() {
		return (this.reversible != null) ? this.reversible : down() != null;
	}

	/**
	 * The transaction mode this migration runs in: its own, or else the engine's.
	 * @param engineMode the mode the engine is configured with
	 * @return the mode, never {@link TransactionMode#DEFAULT}
	 */
	public TransactionMode effectiveTransactionMode(TransactionMode engineMode) {
		if (this.transactionMode != TransactionMode.DEFAULT) {
			return this.transactionMode;
		}
		return (engineMode != TransactionMode.DEFAULT) ? engineMode : TransactionMode.PER_MIGRATION;
	}

	/**
	 * Describe the migration for messages: version, bean and class.
	 * @return the description
	 */
	public String describe() {
		return "migration " + this.version + " (bean '" + this.beanName + "', " + this.className + ")";
	}

	@Override
	public String toString() {
		return "ResolvedMigration[version=" + this.version + ", description=" + this.description + ", beanName="
				+ this.beanName + ", className=" + this.className + "]";
	}

	private static <T> Supplier<T> once(Supplier<T> supplier) {
		return new Once<>(supplier);
	}

	/**
	 * Computes a value once, when first asked for.
	 */
	private static final class Once<T> implements Supplier<T> {

		private final Supplier<T> supplier;

		private volatile @Nullable T value;

		Once(Supplier<T> supplier) {
			this.supplier = supplier;
		}

		@Override
		public T get() {
			T result = this.value;
			if (result == null) {
				synchronized (this) {
					result = this.value;
					if (result == null) {
						result = Objects.requireNonNull(this.supplier.get());
						this.value = result;
					}
				}
			}
			return result;
		}

	}

	/**
	 * What resolving a bean gives.
	 */
	record Resolved(Class<?> beanClass, Object bean, MigrationMethod up, @Nullable MigrationMethod down) {

	}

}
