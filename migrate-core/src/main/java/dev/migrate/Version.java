package dev.migrate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
	public static final Version EMPTY = new Version("0", List.of());

	private static final int MAX_SEGMENT_DIGITS = 40;

	private final String text;

	private final List<BigInteger> segments;

	private Version(String text, List<BigInteger> segments) {
		this.text = text;
		this.segments = segments;
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
		List<BigInteger> segments = new ArrayList<>(4);
		int start = 0;
		for (int i = 0; i <= trimmed.length(); i++) {
			if (i == trimmed.length() || trimmed.charAt(i) == '.') {
				String segment = trimmed.substring(start, i);
				segments.add((segment.length() <= 18) ? BigInteger.valueOf(Long.parseLong(segment))
						: new BigInteger(segment));
				start = i + 1;
			}
		}
		int last = segments.size();
		while (last > 0 && segments.get(last - 1).signum() == 0) {
			last--;
		}
		return new Version(trimmed, Collections.unmodifiableList(segments.subList(0, last)));
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
		int common = Math.min(this.segments.size(), other.segments.size());
		for (int i = 0; i < common; i++) {
			int result = this.segments.get(i).compareTo(other.segments.get(i));
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(this.segments.size(), other.segments.size());
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
		return (obj instanceof Version other) && this.segments.equals(other.segments);
	}

	@Override
	public int hashCode() {
		return this.segments.hashCode();
	}

	@Override
	public String toString() {
		return this.text;
	}

}
