package dev.migrate.tenant;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.Dialects;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.util.Assert;

/**
 * A {@link DataSource} whose connections work in one schema of a shared data source: each
 * connection handed out has the schema as its current one (PostgreSQL's
 * {@code search_path}, H2's and HSQLDB's current schema, the current database of MySQL
 * and MariaDB), and gets its previous one back when closed, before it returns to the
 * pool. So unqualified names in migrations resolve in the tenant's schema.
 *
 * <pre class="code">
 * DataSource acme = new SchemaDataSource(dataSource, "acme");
 * </pre>
 *
 * @since 0.2.0
 */
public final class SchemaDataSource extends DelegatingDataSource {

	private static final Log logger = LogFactory.getLog(SchemaDataSource.class);

	private final String schema;

	private volatile @Nullable Dialect dialect;

	private volatile @Nullable String storedSchema;

	/**
	 * Wrap a data source.
	 * @param dataSource the shared data source
	 * @param schema the schema connections work in, a plain identifier
	 */
	public SchemaDataSource(DataSource dataSource, String schema) {
		this(dataSource, schema, null);
	}

	/**
	 * Wrap a data source whose dialect is already known.
	 * @param dataSource the shared data source
	 * @param schema the schema connections work in, a plain identifier
	 * @param dialect the dialect of the database, or {@code null} to detect it
	 */
	public SchemaDataSource(DataSource dataSource, String schema, @Nullable Dialect dialect) {
		super(dataSource);
		Assert.hasText(schema, "'schema' must not be empty");
		this.schema = schema;
		this.dialect = dialect;
	}

	/**
	 * The schema connections work in.
	 * @return the schema, as given
	 */
	public String getSchema() {
		return this.schema;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return enter(obtainTargetDataSource().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return enter(obtainTargetDataSource().getConnection(username, password));
	}

	private Connection enter(Connection connection) throws SQLException {
		try {
			Dialect dialect = dialect();
			String previous = dialect.enterSchema(connection, storedSchema(connection, dialect));
			return (Connection) Proxy.newProxyInstance(SchemaDataSource.class.getClassLoader(),
					new Class<?>[] { Connection.class }, new Restoring(connection, dialect, previous));
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	private Dialect dialect() {
		Dialect dialect = this.dialect;
		if (dialect == null) {
			dialect = Dialects.detect(obtainTargetDataSource());
			this.dialect = dialect;
		}
		return dialect;
	}

	private String storedSchema(Connection connection, Dialect dialect) throws SQLException {
		String stored = this.storedSchema;
		if (stored == null) {
			stored = dialect.storedIdentifier(connection.getMetaData(), this.schema);
			this.storedSchema = stored;
		}
		return stored;
	}

	@Override
	public String toString() {
		return "SchemaDataSource[" + this.schema + "]";
	}

	/**
	 * Gives the connection its previous schema back when it is closed.
	 */
	private static final class Restoring implements InvocationHandler {

		private final Connection target;

		private final Dialect dialect;

		private final @Nullable String previous;

		private boolean closed;

		Restoring(Connection target, Dialect dialect, @Nullable String previous) {
			this.target = target;
			this.dialect = dialect;
			this.previous = previous;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args)
				throws Throwable {
			switch (method.getName()) {
				case "close" -> {
					close();
					return null;
				}
				case "isClosed" -> {
					return this.closed || this.target.isClosed();
				}
				case "equals" -> {
					return proxy == ((args != null) ? args[0] : null);
				}
				case "hashCode" -> {
					return System.identityHashCode(proxy);
				}
				case "toString" -> {
					return "Connection in a tenant schema [" + this.target + "]";
				}
				case "unwrap" -> {
					if (args != null && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
						return proxy;
					}
				}
				case "isWrapperFor" -> {
					if (args != null && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
						return true;
					}
				}
				default -> {
				}
			}
			try {
				return method.invoke(this.target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

		private void close() throws SQLException {
			if (this.closed) {
				return;
			}
			this.closed = true;
			try {
				if (this.previous != null && !this.target.isClosed()) {
					this.dialect.leaveSchema(this.target, this.previous);
				}
			}
			catch (SQLException ex) {
				// A connection stuck in the tenant's schema must not serve anyone else.
				logger.warn("Could not give a connection its schema '" + this.previous + "' back; closing it for good: "
						+ ex.getMessage());
				this.target.abort(Runnable::run);
			}
			finally {
				this.target.close();
			}
		}

	}

}
