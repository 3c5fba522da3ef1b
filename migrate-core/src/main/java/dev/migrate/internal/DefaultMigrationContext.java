package dev.migrate.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import dev.migrate.DatabaseInfo;
import dev.migrate.MigrationContext;
import dev.migrate.Version;
import dev.migrate.resolver.ResolvedMigration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

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
