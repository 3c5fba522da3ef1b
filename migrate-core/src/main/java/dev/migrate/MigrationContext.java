package dev.migrate;

import java.sql.Connection;

import javax.sql.DataSource;

import org.springframework.core.io.Resource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a running migration can use. Every JDBC accessor is bound to the one connection,
 * and transaction, the migration runs in. Declare it as a parameter of {@code up} or
 * {@code down}.
 *
 * @since 0.1.0
 */
public interface MigrationContext {

	/**
	 * Version of the running migration.
	 * @return the version
	 */
	Version version();

	/**
	 * Description of the running migration.
	 * @return the description
	 */
	String description();

	/**
	 * Whether the migration is being applied ({@code up}) or rolled back ({@code down}).
	 * @return the direction
	 */
	Direction direction();

	/**
	 * The database the migration runs against, to write statements that differ between
	 * databases or versions.
	 * @return product, version and schema of the database
	 */
	DatabaseInfo database();

	/**
	 * {@link JdbcTemplate} bound to the migration's connection.
	 * @return the template
	 */
	JdbcTemplate jdbcTemplate();

	/**
	 * {@link NamedParameterJdbcTemplate} bound to the migration's connection.
	 * @return the template
	 */
	NamedParameterJdbcTemplate namedParameterJdbcTemplate();

	/**
	 * {@link JdbcClient} bound to the migration's connection.
	 * @return the client
	 */
	JdbcClient jdbcClient();

	/**
	 * The migration's connection. Closing it has no effect; do not commit or roll it
	 * back.
	 * @return the connection
	 */
	Connection connection();

	/**
	 * A {@link DataSource} that always hands out the migration's connection.
	 * @return the data source
	 */
	DataSource dataSource();

	/**
	 * Run the statements of a SQL script, in order, on the migration's connection. The
	 * script is split the way the database's own client would split it: at {@code ;}, but
	 * not inside strings, quoted names, comments or PostgreSQL's and H2's dollar-quoted
	 * bodies ({@code $$ ... $$}, {@code $body$ ... $body$}); on MySQL and MariaDB a
	 * {@code DELIMITER} line changes the delimiter, as in the {@code mysql} client.
	 * @param location where the script is: a name without a prefix is found next to the
	 * migration's class ({@code "V3__functions.sql"} in its package), one starting with
	 * {@code /} from the root of the class path, and one with a prefix
	 * ({@code classpath:}, {@code file:}) as Spring resolves it
	 * @throws IllegalArgumentException if there is no such script
	 */
	void executeScript(String location);

	/**
	 * Run the statements of a SQL script, as {@link #executeScript(String)} does.
	 * @param script the script, read as UTF-8
	 */
	void executeScript(Resource script);

	/**
	 * Log progress of a long migration, prefixed with its version.
	 * @param message the message, with {@code {}} placeholders
	 * @param args the values of the placeholders
	 */
	void log(String message, Object... args);

	/**
	 * Direction in which a migration runs.
	 */
	enum Direction {

		/** Applying the migration: its {@code up} method. */
		UP,

		/** Rolling the migration back: its {@code down} method. */
		DOWN

	}

}
