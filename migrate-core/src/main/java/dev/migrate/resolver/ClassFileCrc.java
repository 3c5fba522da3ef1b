package dev.migrate.resolver;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The CRC-32 and the length of a class file's bytes: what a jar's central directory
 * records for each entry, so a class file in a jar has them without being read.
 *
 * @param crc32 the CRC-32 of the bytes, from 0 to 2<sup>32</sup> - 1
 * @param length the number of bytes
 * @since 0.2.0
 */
public record ClassFileCrc(long crc32, long length) {

	private static final HexFormat HEX = HexFormat.of();

	/**
	 * The CRC-32 and length of bytes read.
	 * @param classFile the bytes of the class file
	 * @return their CRC-32 and length
	 */
	public static ClassFileCrc of(byte[] classFile) {
		Assert.notNull(classFile, "'classFile' must not be null");
		CRC32 crc = new CRC32();
		crc.update(classFile);
		return new ClassFileCrc(crc.getValue(), classFile.length);
	}

	/**
	 * The CRC-32 and length that a jar's central directory records for an entry, read
	 * without inflating it.
	 * @param entry the entry of a class file
	 * @return its CRC-32 and length, or {@code null} if the jar does not record them
	 */
	public static @Nullable ClassFileCrc recordedFor(ZipEntry entry) {
		Assert.notNull(entry, "'entry' must not be null");
		return (entry.getCrc() != -1 && entry.getSize() != -1) ? new ClassFileCrc(entry.getCrc(), entry.getSize())
				: null;
	}

	/**
	 * The {@link Fingerprinter#classHash(String, ClassFileCrc) class hash} that ties a
	 * checksum to this class file. Here rather than in {@link Fingerprinter}, so that a
	 * start that only compares hashes loads nothing of fingerprinting.
	 * @param checksum the stored text of the checksum computed from the class file
	 * @return 24 hexadecimal digits
	 */
	String classHash(String checksum) {
		CRC32 crc = new CRC32();
		crc.update(checksum.getBytes(StandardCharsets.UTF_8));
		return new StringBuilder(24).append(HEX.toHexDigits((int) crc.getValue()))
			.append(HEX.toHexDigits((int) this.crc32))
			.append(HEX.toHexDigits((int) this.length))
			.toString();
	}

}
