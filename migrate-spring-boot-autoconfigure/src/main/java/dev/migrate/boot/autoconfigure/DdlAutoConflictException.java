package dev.migrate.boot.autoconfigure;

import java.util.Locale;
import java.util.Set;

import dev.migrate.MigrateException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * Thrown at start-up when Hibernate is configured to create or update the schema that
 * migrate manages. Nothing has been changed in the database.
 *
 * @since 0.1.0
 */
public class DdlAutoConflictException extends MigrateException {

	// Hibernate's hbm2ddl values and JPA's schema-generation actions that change the
	// schema ('create-only' is Hibernate's create without a drop).
	private static final Set<String> CONFLICTING = Set.of("create", "create-only", "create-drop", "drop-and-create",
			"update", "drop");

	private final String property;

	private final String value;

	public DdlAutoConflictException(String property, String value) {
		super(property + " is set to '" + value + "' while migrate manages the schema: Hibernate would "
				+ consequence(normalize(value)) + ". Nothing was changed in the database.");
		this.property = property;
		this.value = value;
	}

	/**
	 * Fail if the environment asks Hibernate to create, drop or update the schema.
	 * @param environment the environment
	 * @throws DdlAutoConflictException on a conflict
	 */
	static void check(Environment environment) {
		check(environment, "spring.jpa.hibernate.ddl-auto");
		check(environment, "spring.jpa.properties.hibernate.hbm2ddl.auto");
		check(environment, "spring.jpa.properties.jakarta.persistence.schema-generation.database.action");
	}

	private static void check(Environment environment, String property) {
		@Nullable String value = environment.getProperty(property);
		if (value != null && CONFLICTING.contains(normalize(value))) {
			throw new DdlAutoConflictException(property, value.trim());
		}
	}

	private static String normalize(String value) {
		return value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static String consequence(String value) {
		return switch (value) {
			case "update" -> "change tables behind the migrations' back";
			case "create-only" -> "create tables and sequences behind the migrations' back";
			case "drop" -> "drop the tables that the migrations created, with their data";
			default -> "drop and recreate the tables that the migrations created, with their data";
		};
	}

	/**
	 * The property that conflicts.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * The conflicting value.
	 * @return the value
	 */
	public String getValue() {
		return this.value;
	}

}
