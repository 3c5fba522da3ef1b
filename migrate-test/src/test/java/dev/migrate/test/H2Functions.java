package dev.migrate.test;

import java.util.Locale;

/**
 * Static methods that the H2 snapshot tests register as functions ({@code CREATE ALIAS}).
 */
public final class H2Functions {

	private H2Functions() {
	}

	public static String normalizeEmail(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	public static String shout(String text) {
		return text.toUpperCase(Locale.ROOT);
	}

}
