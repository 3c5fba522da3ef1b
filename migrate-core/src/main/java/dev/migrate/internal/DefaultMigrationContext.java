package dev.migrate.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import dev.migrate.DatabaseInfo;
import dev.migrate.MigrationContext;
import dev.migrate.Version;
import dev.migrate.resolver.ResolvedMigration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptStatementFailedException;

/**
 * {@link MigrationContext} bound to one connection. Templates are created on first use.
 */
final class DefaultMigrationContext implements MigrationContext {

	private static final Log logger = LogFactory.getLog("dev.migrate.Migration");

	private final ResolvedMigration migration;

	private final Direction direction;

	private final DatabaseInfo database;

	private final SingleConnectionDataSource dataSource;

	private @Nullable JdbcTemplate jdbcTemplate;

	private @Nullable NamedParameterJdbcTemplate namedParameterJdbcTemplate;

	private @Nullable JdbcClient jdbcClient;

	DefaultMigrationContext(ResolvedMigration migration, Direction direction, DatabaseInfo database,
			Connection connection) {
		this.migration = migration;
		this.direction = direction;
		this.database = database;
		this.dataSource = new SingleConnectionDataSource(connection, true);
	}

	@Override
	public Version version() {
		return this.migration.version();
	}

	@Override
	public String description() {
		return this.migration.description();
	}

	@Override
	public Direction direction() {
		return this.direction;
	}

	@Override
	public DatabaseInfo database() {
		return this.database;
	}

	@Override
	public JdbcTemplate jdbcTemplate() {
		JdbcTemplate template = this.jdbcTemplate;
		if (template == null) {
			template = new JdbcTemplate(this.dataSource);
			this.jdbcTemplate = template;
		}
		return template;
	}

	@Override
	public NamedParameterJdbcTemplate namedParameterJdbcTemplate() {
		NamedParameterJdbcTemplate template = this.namedParameterJdbcTemplate;
		if (template == null) {
			template = new NamedParameterJdbcTemplate(jdbcTemplate());
			this.namedParameterJdbcTemplate = template;
		}
		return template;
	}

	@Override
	public JdbcClient jdbcClient() {
		JdbcClient client = this.jdbcClient;
		if (client == null) {
			client = JdbcClient.create(jdbcTemplate());
			this.jdbcClient = client;
		}
		return client;
	}

	@Override
	public Connection connection() {
		try {
			return this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public void executeScript(String location) {
		Class<?> migrationClass = this.migration.beanClass();
		Resource script = location.contains(":")
				? new DefaultResourceLoader(migrationClass.getClassLoader()).getResource(location)
				: new ClassPathResource(location, migrationClass);
		if (!script.exists()) {
			throw new IllegalArgumentException("Migration " + this.migration.version() + " runs the SQL script "
					+ location + ", which is not there (looked for " + script.getDescription()
					+ "); a name without a prefix is found next to the migration's class, one starting with / from the"
					+ " root of the class path, and classpath:, file: or another prefix as Spring resolves it");
		}
		executeScript(script);
	}

	@Override
	public void executeScript(Resource script) {
		String text;
		try {
			text = script.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Migration " + this.migration.version() + " cannot read " + script, ex);
		}
		List<String> statements = SqlScript.of(this.database).split(text);
		JdbcTemplate jdbc = jdbcTemplate();
		int number = 0;
		for (String statement : statements) {
			number++;
			try {
				jdbc.execute(statement);
			}
			catch (DataAccessException ex) {
				throw new ScriptStatementFailedException(statement, number,
						new EncodedResource(script, StandardCharsets.UTF_8), ex);
			}
		}
	}

	@Override
	public void log(String message, Object... args) {
		if (logger.isInfoEnabled()) {
			logger.info("Migration " + this.migration.version() + " (" + this.direction.name().toLowerCase(Locale.ROOT)
					+ "): " + format(message, args));
		}
	}

	static String format(String message, Object... args) {
		StringBuilder text = new StringBuilder(message.length() + 16 * args.length);
		int from = 0;
		for (Object arg : args) {
			int placeholder = message.indexOf("{}", from);
			if (placeholder < 0) {
				break;
			}
			text.append(message, from, placeholder).append(arg);
			from = placeholder + 2;
		}
		return text.append(message, from, message.length()).toString();
	}

}
