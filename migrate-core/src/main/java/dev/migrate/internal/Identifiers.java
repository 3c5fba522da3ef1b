package dev.migrate.internal;

import java.util.regex.Pattern;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.MigrateConfigurationException;
import dev.migrate.Remedy;
import dev.migrate.Setting;
import org.jspecify.annotations.Nullable;

/**
 * Validation of names from configuration that become part of SQL text. Only plain
 * identifiers pass, so nothing from configuration reaches SQL unchecked.
 */
public final class Identifiers {

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,57}");

	private Identifiers() {
	}

	/**
	 * Check that a name is a plain identifier.
	 * @param name the name
	 * @param what what the name is, such as "history table name"
	 * @param setting the setting that gives it
	 * @param suffix what the engine adds to the setting's value to make the name, or an
	 * empty string
	 * @return the name
	 * @throws MigrateConfigurationException if it is not a plain identifier
	 */
	public static String check(@Nullable String name, String what, Setting setting, String suffix) {
		if (name == null || !PLAIN_IDENTIFIER.matcher(name).matches()) {
			throw new MigrateConfigurationException(new Diagnosis(
					Text.of("The " + what + " (", Remedy.change(setting), suffix.isEmpty() ? "" : " + '" + suffix + "'",
							") '" + name + "' is not a plain identifier."),
					Text.of("Nothing was changed in the database."),
					Text.of("Use letters, digits and underscores, starting with a letter or underscore, at most 58"
							+ " characters (no quotes, dots, spaces or semicolons).")));
		}
		return name;
	}

}
