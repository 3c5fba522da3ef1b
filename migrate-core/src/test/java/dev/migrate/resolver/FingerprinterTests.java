package dev.migrate.resolver;

import java.io.IOException;
import java.util.Map;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Fingerprinter}: where it reads class files from, what it says when it
 * cannot, and the legacy and raw hashes.
 */
class FingerprinterTests {

	private static final String PLAIN = "com.example.migrations.PlainStatements";

	@Test
	void fingerprintIsTaggedAnd32HexadecimalDigits() {
		Fingerprint fingerprint = Fingerprinter.fingerprint(PLAIN, compile(TestCompilers.javac(17)).get(PLAIN));

		assertThat(fingerprint.algorithm()).isEqualTo(Fingerprint.BYTECODE);
		assertThat(fingerprint.value()).matches("[0-9a-f]{32}");
		assertThat(fingerprint.stored()).hasSizeLessThanOrEqualTo(Fingerprint.MAX_STORED_LENGTH);
	}

	@Test
	void loadedClassIsReadFromItsClassLoaderWithoutBeingNeededAgain() throws IOException {
		Class<?> type = MigrationResolverTests.CreateUsersTable.class;
		byte[] classFile = ClassFileSource.of(type.getClassLoader()).read(type.getName());

		assertThat(Fingerprinter.fingerprint(type)).isEqualTo(Fingerprinter.fingerprint(type.getName(), classFile))
			.isEqualTo(Fingerprinter.fingerprint(type.getName(), ClassFileSource.of(type.getClassLoader())))
			.isSameAs(Fingerprinter.fingerprint(type));
	}

	@Test
	void missingClassFileIsAnErrorNamingTheClassAndTheWayOut() {
		assertThatExceptionOfType(FingerprintException.class)
			.isThrownBy(() -> Fingerprinter.fingerprint("com.example.Generated", (className) -> null))
			.satisfies((ex) -> assertThat(ex.getClassName()).isEqualTo("com.example.Generated"))
			.withMessageContaining("Cannot fingerprint migration class com.example.Generated")
			.withMessageContaining("no class file com/example/Generated.class")
			.withMessageContaining("@Migration(checksum = \"...\")");
	}

	@Test
	void unreadableClassFileIsAnErrorNamingTheClassAndTheWayOut() {
		assertThatExceptionOfType(FingerprintException.class)
			.isThrownBy(() -> Fingerprinter.fingerprint("com.example.Broken", (className) -> {
				throw new IOException("disk on fire");
			}))
			.withMessageContaining("com/example/Broken.class could not be read (disk on fire)")
			.withMessageContaining("@Migration(checksum = \"...\")");
	}

	@Test
	void malformedClassFileIsAnErrorNamingTheClassAndTheWayOut() {
		assertThatExceptionOfType(FingerprintException.class)
			.isThrownBy(() -> Fingerprinter.fingerprint("com.example.Garbage", new byte[] { 1, 2, 3 }))
			.withMessageContaining("Cannot fingerprint migration class com.example.Garbage")
			.withMessageContaining("@Migration(checksum = \"...\")");
	}

	@Test
	void legacyFingerprintIsTheCrc32OfTheClassFileWithoutDebugInformation() {
		byte[] plain = compile(TestCompilers.ecj(17, "-g:none")).get(PLAIN);
		byte[] debug = compile(TestCompilers.ecj(17, "-g", "-parameters")).get(PLAIN);
		byte[] release21 = compile(TestCompilers.ecj(21, "-g:none")).get(PLAIN);

		Fingerprint legacy = Fingerprinter.classCrc32(plain);

		assertThat(legacy.algorithm()).isEqualTo(Fingerprint.CLASS_CRC32);
		assertThat(legacy.stored()).isEqualTo(legacy.value())
			.matches("[0-9a-f]{8}")
			.isEqualTo(crc32WithoutDebug(plain));
		assertThat(Fingerprinter.classCrc32(debug)).isEqualTo(legacy);
		// Why it was replaced: the same source for another release is another class file.
		assertThat(Fingerprinter.classCrc32(release21)).isNotEqualTo(legacy);
		assertThat(Fingerprinter.fingerprint(PLAIN, release21)).isEqualTo(Fingerprinter.fingerprint(PLAIN, plain));
	}

	@Test
	void rawHashIsOfTheWholeClassFile() {
		byte[] plain = compile(TestCompilers.ecj(17, "-g:none")).get(PLAIN);
		byte[] debug = compile(TestCompilers.ecj(17, "-g")).get(PLAIN);

		assertThat(Fingerprinter.rawHash(plain)).matches("[0-9a-f]{32}")
			.isEqualTo(Fingerprinter.rawHash(plain.clone()))
			.isNotEqualTo(Fingerprinter.rawHash(debug));
	}

	private static String crc32WithoutDebug(byte[] classFile) {
		ClassWriter writer = new ClassWriter(0);
		new ClassReader(classFile).accept(writer, ClassReader.SKIP_DEBUG);
		CRC32 crc = new CRC32();
		crc.update(writer.toByteArray());
		return String.format("%08x", crc.getValue());
	}

	private static Map<String, byte[]> compile(TestCompilers.Compiler compiler) {
		return compiler.compile(Map.of(PLAIN, FingerprinterCompilerTests.source("PlainStatements")));
	}

}
