package dev.migrate.internal;

import java.io.IOException;

import dev.migrate.resolver.ClassFileSource;
import dev.migrate.resolver.Fingerprint;
import dev.migrate.resolver.Fingerprinter;
import dev.migrate.resolver.ResolvedMigration;
import org.jspecify.annotations.Nullable;

/**
 * Compares the checksum recorded for an applied migration with the migration in the code.
 * Checksums of the same algorithm compare by value; one recorded by an older algorithm is
 * recognized by computing that algorithm again, so that it can be recorded anew instead
 * of failing.
 */
public final class ChecksumCheck {

	/** Recomputes the checksum migrate 0.1 recorded, or cannot. */
	private final LegacyChecksum legacy;

	/**
	 * Create a check.
	 * @param legacy computes the checksum migrate 0.1 recorded for a class
	 */
	public ChecksumCheck(LegacyChecksum legacy) {
		this.legacy = legacy;
	}

	/**
	 * A check that reads class files from the migrations' class loaders.
	 * @return the check
	 */
	public static ChecksumCheck readingClassFiles() {
		return new ChecksumCheck((type) -> {
			ClassLoader loader = (type.getClassLoader() != null) ? type.getClassLoader()
					: ClassLoader.getSystemClassLoader();
			try {
				byte[] bytes = ClassFileSource.of(loader).read(type.getName());
				return (bytes != null) ? Fingerprinter.classCrc32(bytes).value() : null;
			}
			catch (IOException | RuntimeException ex) {
				return null;
			}
		});
	}

	/**
	 * Compare, first by the class hash recorded with the checksum: when it shows that the
	 * recorded {@code b1} checksum was computed from the migration's class file as it is
	 * now, the two are the same without computing the fingerprint again.
	 * @param migration the migration in the code
	 * @param recorded the checksum in the history, in its stored form
	 * @param recordedClassHash the class hash in the history, or {@code null}
	 * @return the verdict
	 */
	public Verdict compare(ResolvedMigration migration, @Nullable String recorded, @Nullable String recordedClassHash) {
		if (isClassFileOf(migration, recorded, recordedClassHash)) {
			return Verdict.SAME;
		}
		return compare(migration, recorded);
	}

	/**
	 * Whether a recorded {@code b1} checksum was computed from the migration's class file
	 * as it is now, as the class hash recorded with it shows.
	 * @param migration the migration in the code
	 * @param recorded the checksum in the history, in its stored form
	 * @param recordedClassHash the class hash in the history, or {@code null}
	 * @return {@code true} if it was
	 */
	static boolean isClassFileOf(ResolvedMigration migration, @Nullable String recorded,
			@Nullable String recordedClassHash) {
		if (recorded == null || recordedClassHash == null || recordedClassHash.isBlank()
				|| !recorded.trim().startsWith(Fingerprint.BYTECODE + ":")) {
			return false;
		}
		return migration.isClassFileOf(recorded.trim(), recordedClassHash.trim());
	}

	/**
	 * Compare.
	 * @param migration the migration in the code
	 * @param recorded the checksum in the history, in its stored form
	 * @return the verdict
	 */
	public Verdict compare(ResolvedMigration migration, @Nullable String recorded) {
		if (recorded == null || recorded.isBlank()) {
			return Verdict.SAME;
		}
		Fingerprint code = migration.fingerprint();
		Fingerprint history;
		try {
			history = Fingerprint.parse(recorded.trim());
		}
		catch (IllegalArgumentException ex) {
			return Verdict.CHANGED;
		}
		if (history.isFlyway()) {
			// Applied by Flyway; the bean replaces that migration from now on.
			return Verdict.RECORD;
		}
		if (code.algorithm().equals(history.algorithm())) {
			return code.value().equals(history.value()) ? Verdict.SAME : Verdict.CHANGED;
		}
		if (code.isExplicit()) {
			// A pinned value may repeat what the history holds, whatever wrote it.
			return (code.value().equals(history.value()) || code.value().equals(history.stored())) ? Verdict.RECORD
					: Verdict.CHANGED;
		}
		if (Fingerprint.CLASS_CRC32.equals(history.algorithm())) {
			String legacyValue = this.legacy.of(migration.beanClass());
			return history.value().equalsIgnoreCase((legacyValue != null) ? legacyValue : "") ? Verdict.RECORD
					: Verdict.RECORD_UNVERIFIED;
		}
		if (history.isExplicit()) {
			return Verdict.CHANGED;
		}
		return Verdict.UNKNOWN_ALGORITHM;
	}

	/**
	 * How a recorded checksum compares with the code.
	 */
	public enum Verdict {

		/** The same. */
		SAME,

		/** The migration changed after it was applied. */
		CHANGED,

		/**
		 * The same migration, recorded with another algorithm, or by Flyway before
		 * migrate took over: record the code's checksum.
		 */
		RECORD,

		/**
		 * Recorded by migrate 0.1's class-file checksum, which differs now: a new
		 * compiler or JDK changes it, and so does an edit. Cannot be told apart: record
		 * the code's checksum, with a warning.
		 */
		RECORD_UNVERIFIED,

		/** Recorded with an algorithm this version of migrate does not know. */
		UNKNOWN_ALGORITHM

	}

	/**
	 * Computes the checksum migrate 0.1 recorded for a class.
	 */
	@FunctionalInterface
	public interface LegacyChecksum {

		/**
		 * The checksum.
		 * @param type the migration class
		 * @return the checksum, or {@code null} if its class file cannot be read
		 */
		@Nullable String of(Class<?> type);

	}

}
