package dev.migrate.resolver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Fingerprint}: its stored text and how it is read back.
 */
class FingerprintTests {

	@ParameterizedTest
	@CsvSource({ "b1:3fa94c0d9e2b6a1f0c7d55e8b4a6e213, b1, 3fa94c0d9e2b6a1f0c7d55e8b4a6e213", "explicit:2, explicit, 2",
			"explicit:release 4.2: users, explicit, release 4.2: users", "1f9fc57e, class-crc32, 1f9fc57e",
			"deadbeef, class-crc32, deadbeef", "b2:abc, b2, abc" })
	void storedTextIsReadBackAndWrittenTheSame(String stored, String algorithm, String value) {
		Fingerprint fingerprint = Fingerprint.parse(stored);

		assertThat(fingerprint.algorithm()).isEqualTo(algorithm);
		assertThat(fingerprint.value()).isEqualTo(value);
		assertThat(fingerprint.stored()).isEqualTo(stored);
		assertThat(fingerprint).hasToString(stored);
	}

	@Test
	void legacyValuesAreStoredWithoutTagAsOlderVersionsWroteThem() {
		assertThat(new Fingerprint(Fingerprint.CLASS_CRC32, "532818d5").stored()).isEqualTo("532818d5");
		assertThat(new Fingerprint(Fingerprint.BYTECODE, "532818d5").stored()).isEqualTo("b1:532818d5");
	}

	@Test
	void explicitFingerprintsAreTagged() {
		Fingerprint fingerprint = Fingerprint.explicit("2026-11-25 users");

		assertThat(fingerprint.stored()).isEqualTo("explicit:2026-11-25 users");
		assertThat(fingerprint.isExplicit()).isTrue();
		assertThat(Fingerprint.parse(fingerprint.stored())).isEqualTo(fingerprint);
		assertThat(Fingerprint.parse("b1:0123").isExplicit()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", ":abc", "b1:", ":" })
	void malformedStoredTextIsRejected(String stored) {
		assertThatIllegalArgumentException().isThrownBy(() -> Fingerprint.parse(stored));
	}

	@Test
	void algorithmCannotContainTheSeparator() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Fingerprint("b:1", "abc"))
			.withMessageContaining("':'");
	}

}
