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

	private static final Set<String> CONFLICTING = Set.of("create", "create-drop", "drop-and-create", "update", "drop");

	private final String property;

	private final String value;

	public DdlAutoConflictException(String property, String value) {
		super(property + " is set to '" + value + "' while migrate manages the schema: Hibernate would "
				+ (value.contains("update") ? "change tables behind the migrations' back"
						: "drop and recreate the tables that the migrations created, with their data")
				+ ". Nothing was changed in the database.");
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
		if (value != null && CONFLICTING.contains(value.trim().toLowerCase(Locale.ROOT).replace('_', '-'))) {
			throw new DdlAutoConflictException(property, value.trim());
		}
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
