package dev.migrate;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
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

	@ParameterizedTest(name = "{0} {1} {2}")
	@CsvSource({ "1, <, 1.1", "1.1, <, 1.2", "1.2, <, 1.10", "1.10, <, 2", "1.9, <, 1.10", "1.0, =, 1", "1.0.0, =, 1",
			"1, <, 1.0.1", "1.0.1, <, 1.1", "01, =, 1", "1.01, =, 1.1", "001.000, =, 1", "0, <, 1", "0, =, 0.0",
			"0, <, 0.0.1", "0.0.1, <, 0.1", "0.1, <, 1", "00, =, 0", "2, >, 1.99999", "10, >, 9.9.9",
			"1.2.3.4.5.6.7.8.9.10.11.12, <, 1.2.3.4.5.6.7.8.9.10.11.13",
			"1.2.3.4.5.6.7.8.9.10.11.12, >, 1.2.3.4.5.6.7.8.9.10.11", "999999999999999999, <, 1000000000000000000",
			"9223372036854775807, <, 9223372036854775808", "0000000000000000001, =, 1",
			"1.9223372036854775808, >, 1.9223372036854775807",
			"9999999999999999999999999999999999999999, >, 9999999999999999999999999999999999999998",
			"1000000000000000000000000000000000000000, >, 999999999999999999999999999999999999999",
			"20261125093000, <, 20261125093000.1", "20261125093000, >, 2026.11", "1.00000000000000000000000001, =, 1.1",
			"1.0.00000000000000000000, =, 1", "9223372036854775808.1, >, 9223372036854775807.9",
			"9223372036854775808, =, 09223372036854775808.0", "1.99999999999999999999, >, 1.9223372036854775807" })
	void comparesVersionsSegmentBySegment(String left, String relation, String right) {
		Version a = Version.parse(left);
		Version b = Version.parse(right);
		int expected = switch (relation) {
			case "<" -> -1;
			case ">" -> 1;
			default -> 0;
		};

		assertThat(Integer.signum(a.compareTo(b))).isEqualTo(expected);
		assertThat(Integer.signum(b.compareTo(a))).isEqualTo(-expected);
		assertThat(a.isAfter(b)).isEqualTo(expected > 0);
		assertThat(b.isAfter(a)).isEqualTo(expected < 0);
		assertThat(a.equals(b)).isEqualTo(expected == 0);
		if (expected == 0) {
			assertThat(a).hasSameHashCodeAs(b);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.0", "00", "0.0.0" })
	void zeroIsTheEmptyVersion(String text) {
		assertThat(Version.parse(text)).isEqualTo(Version.EMPTY).isEqualByComparingTo(Version.EMPTY);
		assertThat(Version.parse("0.0.1")).isGreaterThan(Version.EMPTY);
		assertThat(Version.EMPTY).hasToString("0");
	}

	@Test
	void keepsTheTextItWasWrittenWith() {
		assertThat(Version.parse("01.020")).hasToString("01.020");
		assertThat(Version.parse("\t1.2\n")).hasToString("1.2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1234567890123456789012345678901234567890", "1.1234567890123456789012345678901234567890.1",
			"1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20" })
	void acceptsLongVersions(String text) {
		assertThat(Version.problemWith(text)).isNull();
		assertThat(Version.parse(text)).hasToString(text).isEqualTo(Version.parse(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345678901234567890123456789012345678901", "1.12345678901234567890123456789012345678901",
			"00000000000000000000000000000000000000001" })
	void rejectsSegmentsOfMoreThanFortyDigits(String text) {
		assertThat(Version.problemWith(text)).contains("\"" + text + "\"");
		assertThatIllegalArgumentException().isThrownBy(() -> Version.parse(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "+1", "1e3", "0x1F", "1.2.", "1. 2", "1 .2", "1.2-SNAPSHOT", "V1", "\uff11", "\u0663",
			"1.\u00b2", "..", "." })
	void problemWithQuotesTextThatIsNotDotSeparatedNumbers(String text) {
		assertThat(Version.problemWith(text)).contains("\"" + text + "\"", "dot-separated numbers");
		assertThatIllegalArgumentException().isThrownBy(() -> Version.parse(text));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " ", "\t", "\n", " \t\n " })
	void problemWithSaysWhenTheVersionIsBlank(String text) {
		assertThat(Version.problemWith(text)).contains("blank");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "1", "1.2", " 1.2 ", "\t3\n", "01.002", "20261125093000" })
	void problemWithFindsNothingWrongWithAValidVersion(String text) {
		assertThat(Version.problemWith(text)).isNull();
	}

}
