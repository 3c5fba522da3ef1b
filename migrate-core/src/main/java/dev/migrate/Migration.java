package dev.migrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Marks a Spring bean as a database migration. The bean has one public {@code up} method
 * that applies the change and, optionally, one public {@code down} method that exactly
 * undoes it. Both may declare parameters of these types, each bound to the connection and
 * transaction the migration runs in: {@link org.springframework.jdbc.core.JdbcTemplate},
 * {@link org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate},
 * {@link org.springframework.jdbc.core.simple.JdbcClient}, {@link java.sql.Connection},
 * {@link javax.sql.DataSource} and {@link MigrationContext}.
 *
 * <pre class="code">
 * &#64;Migration(version = "1", description = "Create users table")
 * class CreateUsersTable {
 *
 *     public void up(JdbcTemplate jdbc) {
 *         jdbc.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(255) NOT NULL)");
 *     }
 *
 *     public void down(JdbcTemplate jdbc) {
 *         jdbc.execute("DROP TABLE users");
 *     }
 *
 * }
 * </pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface Migration {

	/** Longest version the history table records. */
	int MAX_VERSION_LENGTH = 100;

	/** Longest description the history table records. */
	int MAX_DESCRIPTION_LENGTH = 200;

	/** Longest bean name the history table records. */
	int MAX_BEAN_NAME_LENGTH = 200;

	/** Longest class name the history table records. */
	int MAX_CLASS_NAME_LENGTH = 500;

	/**
	 * Version of the migration: dot-separated numbers such as {@code "1"}, {@code "1.2"}
	 * or a timestamp like {@code "20261125093000"}. Compared numerically, segment by
	 * segment. Must be unique among all migrations.
	 * @return the version
	 */
	String version();

	/**
	 * Description of the migration, shown in the history table and reports. Defaults to
	 * the class name in words ({@code CreateUsersTable} becomes "Create users table").
	 * @return the description
	 */
	String description() default "";

	/**
	 * How this migration uses transactions. {@link TransactionMode#DEFAULT} follows the
	 * engine's configured mode; {@link TransactionMode#NONE} runs it in auto-commit, for
	 * statements that cannot run in a transaction such as PostgreSQL's
	 * {@code CREATE INDEX CONCURRENTLY}.
	 * @return the transaction mode of this migration
	 */
	TransactionMode transaction() default TransactionMode.DEFAULT;

	/**
	 * Checksum to record for this migration instead of the fingerprint migrate computes
	 * from its bytecode. Pin one where the class file cannot be read at run time (a class
	 * generated at run time, a native image), or to decide yourself when the migration
	 * counts as changed: change the value whenever you change the migration. It is
	 * recorded as {@code explicit:<checksum>}, so it must not be blank, must not start or
	 * end with spaces and can be at most 55 characters long.
	 * @return the checksum, or empty to fingerprint the bytecode
	 * @see dev.migrate.resolver.Fingerprinter
	 */
	String checksum() default "";

	/**
	 * Name of the database this migration belongs to, when the application migrates
	 * several: the Spring Boot starter applies it to the database configured under
	 * {@code migrate.databases.<name>}. Empty (the default) for the primary database. The
	 * engine itself applies the migrations it is given, whatever they name here.
	 * @return the database's name, or empty for the primary one
	 */
	String database() default "";

	/**
	 * Name of the bean, as for {@link Component#value()}.
	 * @return the bean name, or empty to derive it from the class name
	 */
	@AliasFor(annotation = Component.class, attribute = "value")
	String beanName() default "";

}
