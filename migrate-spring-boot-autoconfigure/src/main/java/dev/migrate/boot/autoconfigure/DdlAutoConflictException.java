package dev.migrate.boot.autoconfigure;

import java.util.Locale;
import java.util.Set;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.MigrateException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * Thrown at start-up when Hibernate is configured to create or update the schema that
 * migrate manages: through {@code spring.jpa.*} (Spring Boot's persistence unit), or in
 * the JPA properties of an {@code EntityManagerFactory} bean on a migrated database
 * ({@link #getEntityManagerFactory()}). Nothing has been changed in the database.
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

	private final @Nullable String entityManagerFactory;

	private final @Nullable String database;

	public DdlAutoConflictException(String property, String value) {
		super(property + " is set to '" + value + "' while migrate manages the schema: Hibernate would "
				+ consequence(normalize(value)) + ". Nothing was changed in the database.");
		this.property = property;
		this.value = value;
		this.entityManagerFactory = null;
		this.database = null;
	}

	/**
	 * Create an exception for a persistence unit on a migrated database.
	 * @param entityManagerFactory the name of the {@code EntityManagerFactory} bean
	 * @param database the migrated database the unit uses
	 * @param property the JPA property that conflicts
	 * @param value its value
	 * @param fromVendorAdapter whether the unit's {@code JpaVendorAdapter} sets it
	 * ({@code generateDdl}) rather than its own JPA properties
	 */
	DdlAutoConflictException(String entityManagerFactory, MigratedDatabase database, String property, String value,
			boolean fromVendorAdapter) {
		super(diagnosis(entityManagerFactory, database, property, value, fromVendorAdapter), null);
		this.property = property;
		this.value = value;
		this.entityManagerFactory = entityManagerFactory;
		this.database = database.name();
	}

	private static Diagnosis diagnosis(String entityManagerFactory, MigratedDatabase database, String property,
			String value, boolean fromVendorAdapter) {
		String where = fromVendorAdapter ? "its JpaVendorAdapter (generateDdl=true)" : "its JPA properties";
		String otherValues = property.startsWith("hibernate.")
				? "'none', or to 'validate' to have Hibernate check its entities against the migrated schema"
				: "'none'";
		String remove = fromVendorAdapter
				? "Set generateDdl to false on the JpaVendorAdapter of '" + entityManagerFactory
						+ "' (spring.jpa.generate-ddl for Spring Boot's persistence unit; Hibernate then leaves the"
						+ " schema alone), or set " + property + " in its JPA properties to " + otherValues
				: "Remove " + property + " from the JPA properties of '" + entityManagerFactory
						+ "' (Hibernate then leaves the schema alone), or set it to " + otherValues;
		return new Diagnosis(
				Text.of("The EntityManagerFactory bean '" + entityManagerFactory + "' sets " + property + " to '"
						+ value + "' (in " + where + ") on " + database.description()
						+ ", whose schema migrate manages: Hibernate would " + consequence(normalize(value)) + "."),
				// Checked before the unit starts, once migrate is done with the database.
				Text.of("Hibernate was not started: it changed nothing in the database."), Text.of(remove
						+ ". If Hibernate should manage that schema instead, " + database.stopMigrating() + "."));
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
		if (value != null && conflicts(value)) {
			throw new DdlAutoConflictException(property, value.trim());
		}
	}

	/**
	 * Whether a value of {@code hibernate.hbm2ddl.auto} or of JPA's schema-generation
	 * action changes the schema.
	 * @param value the value
	 * @return {@code true} if Hibernate would create, drop or update tables
	 */
	static boolean conflicts(String value) {
		return CONFLICTING.contains(normalize(value));
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

	/**
	 * The {@code EntityManagerFactory} bean whose JPA properties conflict.
	 * @return its bean name, or {@code null} when the conflict is in the
	 * {@code spring.jpa.*} properties
	 * @since 0.2.0
	 */
	public @Nullable String getEntityManagerFactory() {
		return this.entityManagerFactory;
	}

	/**
	 * The migrated database of the {@link #getEntityManagerFactory()
	 * EntityManagerFactory}: {@code primary}, the name of a {@code Migrator} bean when
	 * there are several, or the name of a database of {@code migrate.databases}.
	 * @return the database, or {@code null} when the conflict is in the
	 * {@code spring.jpa.*} properties
	 * @since 0.2.0
	 */
	public @Nullable String getDatabase() {
		return this.database;
	}

	/**
	 * A database that migrate migrates, as the messages name it.
	 *
	 * @param name {@code primary}, a {@code Migrator} bean's name, or a database of
	 * {@code migrate.databases}
	 * @param description how a message names it, such as "database 'orders'
	 * (migrate.databases.orders)"
	 * @param stopMigrating how to stop migrating it, as the end of a sentence
	 */
	record MigratedDatabase(String name, String description, String stopMigrating) {

	}

}
