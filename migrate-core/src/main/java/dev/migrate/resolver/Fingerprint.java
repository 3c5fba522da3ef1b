package dev.migrate.resolver;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The fingerprint of a migration's definition, as recorded in the history table when the
 * migration is applied and compared with the code on every start.
 * <p>
 * Its stored text is {@code <algorithm>:<value>}, for example
 * {@code b1:3fa94c0d9e2b6a1f0c7d55e8b4a6e213}. Values written by versions of migrate
 * before algorithms were tagged have no {@code :}; they are read as the
 * {@link #CLASS_CRC32 legacy} algorithm and written back the same way.
 *
 * @param algorithm the algorithm that computed the value: {@link #BYTECODE},
 * {@link #EXPLICIT} or {@link #CLASS_CRC32}
 * @param value the value, never blank
 * @see Fingerprinter
 * @since 0.1.0
 */
public record Fingerprint(String algorithm, String value) {

	/**
	 * The fingerprint of what {@code up} and {@code down} do: their normalized bytecode
	 * and that of the methods of the same class they call, independent of the compiler,
	 * its target release, debug information and annotations. See {@link Fingerprinter}.
	 */
	public static final String BYTECODE = "b1";

	/**
	 * A value the user pinned with {@link dev.migrate.Migration#checksum()}.
	 */
	public static final String EXPLICIT = "explicit";

	/**
	 * The fingerprint of migrate 0.1: a CRC32 of the whole class file without debug
	 * information, 8 hexadecimal digits, stored without a tag. It changes with the
	 * compiler's target release, annotations and member order, so it is only read back,
	 * to recognize rows written by older versions.
	 */
	public static final String CLASS_CRC32 = "class-crc32";

	/**
	 * The checksum Flyway recorded for a migration that migrate took over from Flyway's
	 * history: {@code flyway:<checksum>}, or {@code flyway:none} where Flyway recorded
	 * none. Written only when adopting Flyway's history; the {@code @Migration} bean that
	 * replaces such a migration has its own checksum recorded in its place.
	 */
	public static final String FLYWAY = "flyway";

	/**
	 * Longest stored text, the size of the history table's {@code checksum} column.
	 */
	public static final int MAX_STORED_LENGTH = 64;

	private static final char SEPARATOR = ':';

	public Fingerprint {
		Assert.hasText(algorithm, "'algorithm' must not be empty");
		Assert.hasText(value, "'value' must not be empty");
		Assert.isTrue(algorithm.indexOf(SEPARATOR) < 0, () -> "'algorithm' must not contain ':' but was " + algorithm);
	}

	/**
	 * A fingerprint pinned by the user.
	 * @param value the value given in {@link dev.migrate.Migration#checksum()}
	 * @return the fingerprint
	 */
	public static Fingerprint explicit(String value) {
		return new Fingerprint(EXPLICIT, value);
	}

	/**
	 * Read the stored text of a fingerprint.
	 * @param stored the text from the history table
	 * @return the fingerprint; text without {@code :} is a {@link #CLASS_CRC32} value
	 * @throws IllegalArgumentException if the text is blank or has an empty algorithm or
	 * value
	 */
	public static Fingerprint parse(String stored) {
		Assert.hasText(stored, "'stored' must not be empty");
		int separator = stored.indexOf(SEPARATOR);
		if (separator < 0) {
			return new Fingerprint(CLASS_CRC32, stored);
		}
		String algorithm = stored.substring(0, separator);
		String value = stored.substring(separator + 1);
		Assert.isTrue(!algorithm.isEmpty() && !value.isEmpty(),
				() -> "Stored fingerprint '" + stored + "' must be '<algorithm>:<value>'");
		return new Fingerprint(algorithm, value);
	}

	/**
	 * The text stored in the history table: {@code <algorithm>:<value>}, or the bare
	 * value for {@link #CLASS_CRC32}, as older versions wrote it.
	 * @return the stored text
	 */
	public String stored() {
		return CLASS_CRC32.equals(this.algorithm) ? this.value : this.algorithm + SEPARATOR + this.value;
	}

	/**
	 * Whether the value was pinned by the user rather than computed.
	 * @return {@code true} for {@link #EXPLICIT}
	 */
	public boolean isExplicit() {
		return EXPLICIT.equals(this.algorithm);
	}

	/**
	 * Whether this is a checksum Flyway recorded, carried over from its history.
	 * @return {@code true} for {@link #FLYWAY}
	 */
	public boolean isFlyway() {
		return FLYWAY.equals(this.algorithm);
	}

	/**
	 * Whether a stored checksum was carried over from Flyway's history.
	 * @param stored the text from the history table, or {@code null}
	 * @return {@code true} for {@code flyway:<checksum>}
	 */
	public static boolean isFlyway(@Nullable String stored) {
		return stored != null && stored.trim().startsWith(FLYWAY + SEPARATOR);
	}

	@Override
	public String toString() {
		return stored();
	}

}
