package dev.migrate;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Version}.
 */
class VersionTests {

	@Test
	void parsesDotSeparatedNumbers() {
		assertThat(Version.parse("1.2.3")).hasToString("1.2.3");
		assertThat(Version.parse(" 7 ")).hasToString("7");
		assertThat(Version.parse("20261125093000")).hasToString("20261125093000");
	}

	@Test
	void comparesSegmentsNumerically() {
		List<Version> versions = new ArrayList<>(List.of(Version.parse("10"), Version.parse("2"), Version.parse("1.1"),
				Version.parse("9"), Version.parse("1"), Version.parse("1.10"), Version.parse("1.2")));

		versions.sort(null);

		assertThat(versions).extracting(Version::toString).containsExactly("1", "1.1", "1.2", "1.10", "2", "9", "10");
	}

	@Test
	void tenIsAfterNine() {
		assertThat(Version.parse("10").isAfter(Version.parse("9"))).isTrue();
		assertThat(Version.parse("9").isAfter(Version.parse("10"))).isFalse();
		assertThat(Version.parse("9")).isLessThan(Version.parse("10"));
	}

	@Test
	void timestampsCompareAsNumbers() {
		assertThat(Version.parse("20261125093000")).isGreaterThan(Version.parse("20261124235959"))
			.isGreaterThan(Version.parse("999"));
	}

	@Test
	void numbersBeyondLongCompareCorrectly() {
		assertThat(Version.parse("99999999999999999999999")).isGreaterThan(Version.parse("9223372036854775807"));
	}

	@Test
	void trailingZeroSegmentsDoNotCount() {
		assertThat(Version.parse("1")).isEqualTo(Version.parse("1.0"))
			.isEqualTo(Version.parse("1.0.0"))
			.hasSameHashCodeAs(Version.parse("1.0"))
			.isEqualByComparingTo(Version.parse("1.0"));
		assertThat(Version.parse("1.0")).hasToString("1.0");
		assertThat(Version.parse("0")).isEqualTo(Version.EMPTY);
	}

	@Test
	void leadingZerosDoNotCount() {
		assertThat(Version.parse("01.02")).isEqualTo(Version.parse("1.2"));
	}

	@Test
	void differentVersionsAreNotEqual() {
		assertThat(Version.parse("1.1")).isNotEqualTo(Version.parse("1.01.1")).isNotEqualTo(Version.parse("11"));
		assertThat(Version.parse("1.1")).isNotEqualTo("1.1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.a", "v1", "-1", "1..2", "1.", ".1", "1,2", "1 2", "1_000" })
	void rejectsTextThatIsNotDotSeparatedNumbers(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Version.parse(text))
			.withMessageContaining("\"" + text + "\" is not dot-separated numbers");
		assertThat(Version.problemWith(text)).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t" })
	void rejectsBlankText(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Version.parse(text)).withMessageContaining("blank");
	}

	@Test
	void rejectsNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> Version.parse(null)).withMessageContaining("blank");
	}

	@Test
	void reportsNoProblemWithAValidVersion() {
		assertThat(Version.problemWith("1.2")).isNull();
	}

}
