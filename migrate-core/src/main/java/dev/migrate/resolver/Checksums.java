package dev.migrate.resolver;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassWriter;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Fingerprints of migration classes. The fingerprint covers the class's bytecode without
 * debug information, so editing the code of {@code up} changes it while a comment or a
 * blank line does not. A class's fingerprint is computed once per class loader, as the
 * class cannot change while loaded.
 *
 * @author migrate
 */
final class Checksums {

	private Checksums() {
	}

	private static final ClassValue<String> cache = new ClassValue<>() {

		@Override
		protected String computeValue(Class<?> type) {
			return compute(type);
		}

	};

	static String of(Class<?> type) {
		return cache.get(type);
	}

	private static String compute(Class<?> type) {
		CRC32 crc = new CRC32();
		byte[] bytecode = bytecodeWithoutDebugInfo(type);
		if (bytecode != null) {
			crc.update(bytecode);
		}
		else {
			// No class file to read (generated or hidden class): fall back to the
			// signatures.
			crc.update(type.getName().getBytes(UTF_8));
			Arrays.stream(type.getDeclaredMethods())
				.map(Object::toString)
				.sorted()
				.forEach((method) -> crc.update(method.getBytes(UTF_8)));
		}
		return HexFormat.of().toHexDigits((int) crc.getValue());
	}

	private static byte @Nullable [] bytecodeWithoutDebugInfo(Class<?> type) {
		ClassLoader classLoader = (type.getClassLoader() != null) ? type.getClassLoader()
				: ClassLoader.getSystemClassLoader();
		String resource = type.getName().replace('.', '/') + ".class";
		try (InputStream input = classLoader.getResourceAsStream(resource)) {
			if (input == null) {
				return null;
			}
			ClassReader reader = new ClassReader(input.readAllBytes());
			ClassWriter writer = new ClassWriter(0);
			reader.accept(writer, ClassReader.SKIP_DEBUG);
			return writer.toByteArray();
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

}
