package dev.migrate.resolver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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

	private final Deferred deferred;

	// Computed from the deferred part when first asked for, under this object's lock.
	private @Nullable String checksum;

	private @Nullable Optional<byte[]> classFile;

	private @Nullable Optional<ClassFileCrc> classFileCrc;

	private @Nullable Resolved resolved;

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
		this.deferred = new FromBean(checksum, new Resolved(beanClass, bean, up, down));
	}

	/**
	 * A migration described without its class, whose checksum, class file and bean are
	 * computed when first asked for.
	 */
	ResolvedMigration(Version version, String description, String beanName, String className,
			TransactionMode transactionMode, @Nullable Boolean reversible, Deferred deferred) {
		this.version = version;
		this.description = description;
		this.beanName = beanName;
		this.className = className;
		this.transactionMode = transactionMode;
		this.reversible = reversible;
		this.deferred = deferred;
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
				migration.resolved();
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
		return resolved().beanClass();
	}

	/**
	 * The bean instance; obtains it if it is not yet.
	 * @return the bean
	 */
	public Object bean() {
		return resolved().bean();
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
		return resolved().up();
	}

	/**
	 * The {@code down} method.
	 * @return the method, or {@code null} when irreversible
	 */
	public @Nullable MigrationMethod down() {
		return resolved().down();
	}

	/**
	 * The stored text of the migration's {@link Fingerprint}, such as
	 * {@code b1:3fa94c0d9e2b6a1f0c7d55e8b4a6e213} or {@code explicit:2}.
	 * @return the checksum
	 */
	public synchronized String checksum() {
		String checksum = this.checksum;
		if (checksum == null) {
			checksum = this.deferred.checksum();
			this.checksum = checksum;
		}
		return checksum;
	}

	/**
	 * The {@link Fingerprinter#classHash(String, ClassFileCrc) hash} that ties the
	 * checksum to the class file it is computed from, recorded next to it.
	 * @return the hash, or {@code null} for a pinned checksum or a class file that cannot
	 * be read
	 */
	public @Nullable String classHash() {
		ClassFileCrc crc = classFileCrc().orElse(null);
		return (crc != null) ? crc.classHash(checksum()) : null;
	}

	/**
	 * The checksum migrate 0.1 recorded for this migration's class file
	 * ({@link Fingerprinter#classCrc32(byte[])}), to recognize a row it wrote.
	 * @return the value, or {@code null} if the class file cannot be read
	 */
	public @Nullable String classCrc32() {
		byte[] bytes = classFile().orElse(null);
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
		ClassFileCrc crc = classFileCrc().orElse(null);
		return crc != null && crc.classHash(recordedChecksum).equals(recordedClassHash);
	}

	/**
	 * Whether telling this migration unchanged since it was applied reads no class file:
	 * its checksum is pinned, or a jar records its class file's CRC-32 and length.
	 * @return {@code true} if checking it reads nothing
	 * @since 0.2.0
	 */
	public boolean isCheckedWithoutReading() {
		return this.deferred.isCheckedWithoutReading();
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
		Boolean reversible = this.reversible;
		if (reversible == null || isResolved()) {
			// Once its bean is resolved, the method found says it: an index written
			// before a supertype changed does not.
			return down() != null;
		}
		return reversible;
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

	private synchronized Optional<byte[]> classFile() {
		Optional<byte[]> classFile = this.classFile;
		if (classFile == null) {
			classFile = this.deferred.classFile();
			this.classFile = classFile;
		}
		return classFile;
	}

	private synchronized Optional<ClassFileCrc> classFileCrc() {
		Optional<ClassFileCrc> crc = this.classFileCrc;
		if (crc == null) {
			crc = this.deferred.classFileCrc(this);
			this.classFileCrc = crc;
		}
		return crc;
	}

	private synchronized boolean isResolved() {
		return this.resolved != null;
	}

	private synchronized Resolved resolved() {
		Resolved resolved = this.resolved;
		if (resolved == null) {
			resolved = this.deferred.resolve(this);
			this.resolved = resolved;
		}
		return resolved;
	}

	/**
	 * What a migration computes when first asked for. Methods of a named class rather
	 * than lambdas: a start with nothing pending resolves hundreds of migrations in a new
	 * JVM, where each lambda's class is spun on its first use.
	 */
	interface Deferred {

		/**
		 * The stored text of the checksum.
		 */
		String checksum();

		/**
		 * The class file's bytes, if they can be read and the checksum is not pinned.
		 */
		Optional<byte[]> classFile();

		/**
		 * The class file's CRC-32 and length, if the checksum is not pinned.
		 */
		Optional<ClassFileCrc> classFileCrc(ResolvedMigration migration);

		/**
		 * The bean, its class loaded and checked.
		 */
		Resolved resolve(ResolvedMigration migration);

		/**
		 * Whether the checksum is pinned or a jar records the class file's CRC-32.
		 */
		boolean isCheckedWithoutReading();

	}

	/**
	 * A migration resolved from its bean: all known but its class file.
	 */
	private static final class FromBean implements Deferred {

		private final String checksum;

		private final Resolved resolved;

		FromBean(String checksum, Resolved resolved) {
			this.checksum = checksum;
			this.resolved = resolved;
		}

		@Override
		public String checksum() {
			return this.checksum;
		}

		@Override
		public Optional<byte[]> classFile() {
			return Optional.ofNullable(Fingerprint.parse(this.checksum).isExplicit() ? null
					: Fingerprinter.classFile(this.resolved.beanClass()));
		}

		@Override
		public Optional<ClassFileCrc> classFileCrc(ResolvedMigration migration) {
			return migration.classFile().map(ClassFileCrc::of);
		}

		@Override
		public Resolved resolve(ResolvedMigration migration) {
			return this.resolved;
		}

		@Override
		public boolean isCheckedWithoutReading() {
			return Fingerprint.parse(this.checksum).isExplicit();
		}

	}

	/**
	 * What resolving a bean gives.
	 */
	record Resolved(Class<?> beanClass, Object bean, MigrationMethod up, @Nullable MigrationMethod down) {

	}

}
