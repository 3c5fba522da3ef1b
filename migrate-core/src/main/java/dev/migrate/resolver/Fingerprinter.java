package dev.migrate.resolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

import dev.migrate.MigrationDefinitionException;
import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassWriter;
import org.springframework.util.Assert;

/**
 * Fingerprints of migration classes: what {@code up} and {@code down} do, read from the
 * class file.
 * <p>
 * The {@link Fingerprint#BYTECODE b1} fingerprint is a SHA-256 (first 16 bytes, 32
 * hexadecimal digits) of a canonical form of the instructions of {@code up}, {@code down}
 * and every method of the same class they call, directly or through lambdas and method
 * references, with constants and the owner, name and descriptor of every method and field
 * they use. When such a method reads a field of the class, the methods that assign it
 * (constructors, the static initializer) are included too. It does not change with the
 * compiler (javac or ECJ), its target release, debug information ({@code -g},
 * {@code -parameters}), annotations, the order of members, the names of lambdas, local
 * variable slots, how a constant or a string concatenation is encoded, or how blocks of
 * code are laid out.
 * <p>
 * It cannot see the code of other classes: a helper class whose method body changed keeps
 * the fingerprint of a migration that calls it, and so does SQL read from a file or a
 * value injected from configuration. Constants of other classes that the compiler inlines
 * ({@code static final String} fields) are part of the bytecode and do count.
 *
 * @since 0.1.0
 */
public final class Fingerprinter {

	private static final HexFormat HEX = HexFormat.of();

	private static final int BYTECODE_BYTES = 16;

	private static final ClassValue<Fingerprint> cache = new ClassValue<>() {

		@Override
		protected Fingerprint computeValue(Class<?> type) {
			ClassLoader classLoader = (type.getClassLoader() != null) ? type.getClassLoader()
					: ClassLoader.getSystemClassLoader();
			return fingerprint(type.getName(), ClassFileSource.of(classLoader));
		}

	};

	private Fingerprinter() {
	}

	/**
	 * The {@link Fingerprint#BYTECODE b1} fingerprint of a loaded class, read from its
	 * class loader's resources and computed once per class.
	 * @param type the migration class (not a proxy)
	 * @return the fingerprint
	 * @throws FingerprintException if the class file cannot be read
	 */
	public static Fingerprint fingerprint(Class<?> type) {
		Assert.notNull(type, "'type' must not be null");
		return cache.get(type);
	}

	/**
	 * The {@link Fingerprint#BYTECODE b1} fingerprint of a class, without loading it.
	 * @param className the binary name of the migration class
	 * @param source where to read class files from
	 * @return the fingerprint
	 * @throws FingerprintException if the class file cannot be read
	 */
	public static Fingerprint fingerprint(String className, ClassFileSource source) {
		Assert.hasText(className, "'className' must not be empty");
		Assert.notNull(source, "'source' must not be null");
		return fingerprint(className, read(className, source));
	}

	/**
	 * The {@link Fingerprint#BYTECODE b1} fingerprint of a class file.
	 * @param className the binary name of the migration class, for messages
	 * @param classFile the bytes of its class file
	 * @return the fingerprint
	 * @throws FingerprintException if the bytes are not a class file this version can
	 * read
	 */
	public static Fingerprint fingerprint(String className, byte[] classFile) {
		String text = canonicalText(className, classFile);
		byte[] digest = sha256(text.getBytes(StandardCharsets.UTF_8));
		return new Fingerprint(Fingerprint.BYTECODE, HEX.formatHex(digest, 0, BYTECODE_BYTES));
	}

	/**
	 * The {@link Fingerprint#CLASS_CRC32 legacy} fingerprint that migrate 0.1 recorded: a
	 * CRC32 of the class file without debug information. Compute it to recognize a row
	 * written by an older version before replacing its value.
	 * @param classFile the bytes of the class file
	 * @return the fingerprint, whose stored text is 8 hexadecimal digits
	 */
	public static Fingerprint classCrc32(byte[] classFile) {
		Assert.notNull(classFile, "'classFile' must not be null");
		ClassWriter writer = new ClassWriter(0);
		new ClassReader(classFile).accept(writer, ClassReader.SKIP_DEBUG);
		CRC32 crc = new CRC32();
		crc.update(writer.toByteArray());
		return new Fingerprint(Fingerprint.CLASS_CRC32, HEX.toHexDigits((int) crc.getValue()));
	}

	/**
	 * A hash of the raw bytes of a class file (SHA-256, first 16 bytes in hexadecimal):
	 * when it is unchanged, so is every fingerprint of the class, which need not be
	 * computed again.
	 * @param classFile the bytes of the class file
	 * @return 32 hexadecimal digits
	 */
	public static String rawHash(byte[] classFile) {
		Assert.notNull(classFile, "'classFile' must not be null");
		return HEX.formatHex(sha256(classFile), 0, BYTECODE_BYTES);
	}

	/**
	 * A hash that ties a checksum to the class file it was computed from: the CRC-32 of
	 * the checksum's stored text, and the CRC-32 and length of the class file's bytes (24
	 * hexadecimal digits). Recorded next to the checksum, it lets a later start recognize
	 * an unchanged class file without computing the fingerprint again, and, where the
	 * class file is in a jar, without reading it: the jar's central directory records the
	 * CRC-32 and length of every entry. A checksum edited in the history, or another
	 * class file, no longer matches it. The hash guards against accidental change, not
	 * against forgery (which the class file's owner could do to the fingerprint as well).
	 * @param checksum the stored text of the checksum computed from the class file
	 * @param classFile the CRC-32 and length of the class file
	 * @return 24 hexadecimal digits
	 */
	public static String classHash(String checksum, ClassFileCrc classFile) {
		Assert.notNull(checksum, "'checksum' must not be null");
		Assert.notNull(classFile, "'classFile' must not be null");
		return classFile.classHash(checksum);
	}

	/**
	 * The bytes of a loaded class's class file, read from its class loader's resources.
	 * @param type the class
	 * @return the bytes, or {@code null} if they cannot be read
	 */
	static byte @Nullable [] classFile(Class<?> type) {
		ClassLoader classLoader = (type.getClassLoader() != null) ? type.getClassLoader()
				: ClassLoader.getSystemClassLoader();
		try {
			return ClassFileSource.of(classLoader).read(type.getName());
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The bytes of a class file, or a clear error.
	 * @param className the binary name of the class
	 * @param source where to read it from
	 * @return the bytes
	 * @throws FingerprintException if there is no such class file or it cannot be read
	 */
	static byte[] read(String className, ClassFileSource source) {
		byte[] bytes;
		try {
			bytes = source.read(className);
		}
		catch (MigrationDefinitionException ex) {
			// The source refuses the class (an index older than it): its own words.
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw cannotRead(className, "its class file " + ClassFileSource.resourceName(className)
					+ " could not be read (" + ex.getMessage() + ")", ex);
		}
		if (bytes == null) {
			throw cannotRead(className,
					"there is no class file " + ClassFileSource.resourceName(className)
							+ " to read (a class generated at run time, or a native image that keeps no class files?)",
					null);
		}
		return bytes;
	}

	/** The text that {@link #fingerprint(String, byte[])} hashes, for tests. */
	static String canonicalText(String className, byte[] classFile) {
		Assert.notNull(classFile, "'classFile' must not be null");
		ClassModel model;
		try {
			model = ClassModel.read(classFile);
		}
		catch (RuntimeException ex) {
			throw cannotRead(className, "its class file is not one this version of migrate can read ("
					+ ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")", ex);
		}
		return CanonicalWriter.write(model);
	}

	private static FingerprintException cannotRead(String className, String reason, @Nullable Throwable cause) {
		return new FingerprintException(className,
				"Cannot fingerprint migration class " + className + ": " + reason
						+ ". Pin its checksum instead with @Migration(checksum = \"...\"), any text that you change"
						+ " whenever the migration changes.",
				cause);
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
