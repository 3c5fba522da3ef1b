package dev.migrate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A migration version: dot-separated non-negative numbers, compared numerically segment
 * by segment, so {@code "1" < "1.1" < "2" < "10"}, and timestamps such as
 * {@code "20261125093000"} work. Trailing zero segments do not count: {@code "1"} and
 * {@code "1.0"} are the same version.
 *
 * @since 0.1.0
 */
public final class Version implements Comparable<Version> {

	/** The version before any migration. */
	public static final Version EMPTY = new Version("0", new long[0], null);

	private static final int MAX_SEGMENT_DIGITS = 40;

	private final String text;

	/**
	 * The numbers without trailing zeros, when each fits in a {@code long} (nearly
	 * always): versions are compared, hashed and parsed for every migration and every
	 * history row at each start, mostly before the JIT compiler has run.
	 */
	private final long @Nullable [] numbers;

	/** The numbers without trailing zeros, when one does not fit in a {@code long}. */
	private final @Nullable List<BigInteger> bigNumbers;

	private Version(String text, long @Nullable [] numbers, @Nullable List<BigInteger> bigNumbers) {
		this.text = text;
		this.numbers = numbers;
		this.bigNumbers = bigNumbers;
	}

	/**
	 * Parse a version.
	 * @param text the version text, for example {@code "1.2"} or {@code "20261125093000"}
	 * @return the version
	 * @throws IllegalArgumentException if the text is blank or not dot-separated numbers
	 */
	public static Version parse(@Nullable String text) {
		String problem = problemWith(text);
		if (problem != null || text == null) {
			throw new IllegalArgumentException(problem);
		}
		String trimmed = text.trim();
		long[] numbers = new long[segmentCount(trimmed)];
		int count = 0;
		int start = 0;
		for (int i = 0; i <= trimmed.length(); i++) {
			if (i == trimmed.length() || trimmed.charAt(i) == '.') {
				if (i - start > 18) {
					return parseBig(trimmed);
				}
				numbers[count++] = Long.parseLong(trimmed, start, i, 10);
				start = i + 1;
			}
		}
		int last = count;
		while (last > 0 && numbers[last - 1] == 0) {
			last--;
		}
		return new Version(trimmed, (last == numbers.length) ? numbers : Arrays.copyOf(numbers, last), null);
	}

	private static int segmentCount(String text) {
		int count = 1;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '.') {
				count++;
			}
		}
		return count;
	}

	/** A version with a number of more than 18 digits, which may not fit in a long. */
	private static Version parseBig(String trimmed) {
		List<BigInteger> segments = new ArrayList<>();
		for (String segment : trimmed.split("\\.")) {
			segments.add(new BigInteger(segment));
		}
		int last = segments.size();
		while (last > 0 && segments.get(last - 1).signum() == 0) {
			last--;
		}
		List<BigInteger> numbers = segments.subList(0, last);
		if (numbers.stream().allMatch((number) -> number.bitLength() < Long.SIZE)) {
			return new Version(trimmed, numbers.stream().mapToLong(BigInteger::longValue).toArray(), null);
		}
		return new Version(trimmed, null, List.copyOf(numbers));
	}

	/**
	 * Describe what is wrong with a version text.
	 * @param text the text to check
	 * @return a description of the problem, or {@code null} if the text is a valid
	 * version
	 */
	public static @Nullable String problemWith(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return "version is blank; give a version such as \"1\", \"1.2\" or \"20261125093000\"";
		}
		if (!isDotSeparatedNumbers(text.trim(), MAX_SEGMENT_DIGITS)) {
			if (isDotSeparatedNumbers(text.trim(), Integer.MAX_VALUE)) {
				return "version \"" + text + "\" has a number of more than " + MAX_SEGMENT_DIGITS
						+ " digits; use shorter numbers, such as a timestamp \"20261125093000\"";
			}
			return "version \"" + text
					+ "\" is not dot-separated numbers; use a version such as \"1\", \"1.2\" or \"20261125093000\"";
		}
		return null;
	}

	// Scanned rather than matched with a regular expression: it runs for every migration
	// and every history row on each start.
	private static boolean isDotSeparatedNumbers(String text, int maxDigits) {
		int digits = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				if (++digits > maxDigits) {
					return false;
				}
			}
			else if (c == '.' && digits > 0) {
				digits = 0;
			}
			else {
				return false;
			}
		}
		return digits > 0;
	}

	@Override
	public int compareTo(Version other) {
		Assert.notNull(other, "'other' must not be null");
		long[] mine = this.numbers;
		long[] theirs = other.numbers;
		if (mine != null && theirs != null) {
			int common = Math.min(mine.length, theirs.length);
			for (int i = 0; i < common; i++) {
				int result = Long.compare(mine[i], theirs[i]);
				if (result != 0) {
					return result;
				}
			}
			return Integer.compare(mine.length, theirs.length);
		}
		List<BigInteger> a = bigNumbers();
		List<BigInteger> b = other.bigNumbers();
		int common = Math.min(a.size(), b.size());
		for (int i = 0; i < common; i++) {
			int result = a.get(i).compareTo(b.get(i));
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(a.size(), b.size());
	}

	private List<BigInteger> bigNumbers() {
		if (this.bigNumbers != null) {
			return this.bigNumbers;
		}
		long[] numbers = Objects.requireNonNull(this.numbers);
		List<BigInteger> result = new ArrayList<>(numbers.length);
		for (long number : numbers) {
			result.add(BigInteger.valueOf(number));
		}
		return result;
	}

	/**
	 * Whether this version is after the other one.
	 * @param other the version to compare with
	 * @return {@code true} if this version is greater
	 */
	public boolean isAfter(Version other) {
		return compareTo(other) > 0;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		// Numbers that all fit in longs are held as such: two equal versions are held
		// alike.
		return (obj instanceof Version other) && Arrays.equals(this.numbers, other.numbers)
				&& Objects.equals(this.bigNumbers, other.bigNumbers);
	}

	@Override
	public int hashCode() {
		return (this.numbers != null) ? Arrays.hashCode(this.numbers) : Objects.hashCode(this.bigNumbers);
	}

	@Override
	public String toString() {
		return this.text;
	}

}
