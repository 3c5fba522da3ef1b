package dev.migrate.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Wraps a connection so that every SQL statement run through it is recorded, with bound
 * values written as literals of the database ({@link SqlLiterals}). In executing mode
 * statements really run (the caller rolls the transaction back); in dry mode nothing
 * runs: updates report zero rows and queries return no rows. Commits, rollbacks and
 * auto-commit changes by the migration are ignored, so a plan can never commit.
 */
final class StatementRecorder {

	private static final Set<String> EXECUTE_METHODS = Set.of("execute", "executeQuery", "executeUpdate",
			"executeLargeUpdate");

	private static final Set<String> IGNORED_CONNECTION_METHODS = Set.of("commit", "rollback", "setAutoCommit", "close",
			"setSavepoint", "releaseSavepoint");

	private final List<String> statements = new ArrayList<>();

	private final boolean execute;

	private final SqlLiteralStyle literals;

	private StatementRecorder(boolean execute, SqlLiteralStyle literals) {
		this.execute = execute;
		this.literals = literals;
	}

	/**
	 * Record statements that really run.
	 * @param literals how the database writes bound values as literals
	 * @return the recorder
	 */
	static StatementRecorder executing(SqlLiteralStyle literals) {
		return new StatementRecorder(true, literals);
	}

	/**
	 * Record statements without running them.
	 * @param literals how the database writes bound values as literals
	 * @return the recorder
	 */
	static StatementRecorder dry(SqlLiteralStyle literals) {
		return new StatementRecorder(false, literals);
	}

	List<String> statements() {
		return List.copyOf(this.statements);
	}

	Connection wrap(Connection connection) {
		return proxy(Connection.class, (proxy, method, args) -> {
			String name = method.getName();
			if (IGNORED_CONNECTION_METHODS.contains(name)) {
				return null;
			}
			if (name.equals("getAutoCommit")) {
				return false;
			}
			if (name.equals("isClosed")) {
				return false;
			}
			if (name.equals("createStatement")) {
				Statement target = this.execute ? (Statement) invoke(method, connection, args) : null;
				return statement(Statement.class, target, null, (Connection) proxy);
			}
			if (name.equals("prepareStatement") || name.equals("prepareCall")) {
				String sql = (String) args[0];
				Statement target = this.execute ? (Statement) invoke(method, connection, args) : null;
				return statement(name.equals("prepareCall") ? CallableStatement.class : PreparedStatement.class, target,
						sql, (Connection) proxy);
			}
			return invoke(method, connection, args);
		});
	}

	private Statement statement(Class<? extends Statement> type, @Nullable Statement target, @Nullable String sql,
			Connection recording) {
		Map<Integer, Object> parameters = new TreeMap<>();
		List<String> batch = new ArrayList<>();
		return proxy(type, (proxy, method, arguments) -> {
			String name = method.getName();
			@Nullable Object[] args = arguments;
			if (name.equals("getConnection")) {
				// The recording connection, so that what runs through it is recorded too
				return recording;
			}
			if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index
					&& sql != null) {
				if (args[1] instanceof Reader || args[1] instanceof InputStream) {
					// Read the stream for the plan; the driver gets a copy
					StreamContent content = StreamContent.read(name, args);
					parameters.put(index, content.value());
					args = args.clone();
					args[1] = content.copy();
				}
				else {
					parameters.put(index, name.equals("setNull") ? null : args[1]);
				}
			}
			else if (name.equals("clearParameters")) {
				parameters.clear();
			}
			else if (name.equals("addBatch")) {
				batch.add((args != null && args.length == 1) ? (String) args[0]
						: SqlLiterals.inline(this.literals, sql, parameters));
			}
			else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
				this.statements.addAll(batch);
				int size = batch.size();
				batch.clear();
				if (target == null) {
					return name.equals("executeBatch") ? new int[size] : new long[size];
				}
			}
			else if (EXECUTE_METHODS.contains(name)) {
				this.statements.add((args != null && args.length >= 1 && args[0] instanceof String text) ? text
						: SqlLiterals.inline(this.literals, sql, parameters));
				if (target == null) {
					return dryResult(method);
				}
			}
			if (target == null) {
				return dryDefault(method, proxy);
			}
			return invoke(method, target, args);
		});
	}

	private static @Nullable Object dryResult(Method method) {
		Class<?> type = method.getReturnType();
		if (type == ResultSet.class) {
			return emptyResultSet();
		}
		if (type == boolean.class) {
			return false;
		}
		if (type == int.class) {
			return 0;
		}
		if (type == long.class) {
			return 0L;
		}
		return null;
	}

	private static @Nullable Object dryDefault(Method method, Object proxy) throws SQLException {
		String name = method.getName();
		Class<?> type = method.getReturnType();
		if (type == ResultSet.class) {
			return emptyResultSet();
		}
		if (name.equals("getParameterMetaData")) {
			// JdbcTemplate then binds a null without a type, instead of failing
			throw new SQLFeatureNotSupportedException("No parameter metadata in a plan's dry run");
		}
		if (name.equals("getUpdateCount")) {
			return -1;
		}
		if (name.equals("getLargeUpdateCount")) {
			return -1L;
		}
		if (name.equals("unwrap")) {
			return null;
		}
		if (name.equals("hashCode")) {
			return System.identityHashCode(proxy);
		}
		if (name.equals("equals")) {
			return false;
		}
		if (name.equals("toString")) {
			return "dry-run statement";
		}
		return primitiveDefault(type);
	}

	private static ResultSet emptyResultSet() {
		return proxy(ResultSet.class, (proxy, method, args) -> switch (method.getName()) {
			case "next", "wasNull", "isClosed" -> false;
			case "hashCode" -> System.identityHashCode(proxy);
			case "toString" -> "empty dry-run result";
			default -> primitiveDefault(method.getReturnType());
		});
	}

	private static @Nullable Object primitiveDefault(Class<?> type) {
		if (!type.isPrimitive() || type == void.class) {
			return null;
		}
		if (type == boolean.class) {
			return false;
		}
		if (type == long.class) {
			return 0L;
		}
		if (type == double.class) {
			return 0d;
		}
		if (type == float.class) {
			return 0f;
		}
		if (type == char.class) {
			return (char) 0;
		}
		if (type == byte.class) {
			return (byte) 0;
		}
		if (type == short.class) {
			return (short) 0;
		}
		return 0;
	}

	private static @Nullable Object invoke(Method method, Object target, @Nullable Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, InvocationHandler handler) {
		return (T) Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	/**
	 * The content of a stream bound as a parameter, read for the plan, and a copy of the
	 * stream for the driver.
	 *
	 * @param value text for a reader or an ASCII stream, bytes otherwise
	 * @param copy a new stream with the same content
	 */
	private record StreamContent(Object value, Object copy) {

		/**
		 * Read the stream of a setter's arguments, no further than the length given with
		 * it.
		 */
		static StreamContent read(String setter, @Nullable Object[] args) throws SQLException {
			long limit = (args.length >= 3 && args[2] instanceof Number length && length.longValue() >= 0)
					? length.longValue() : Integer.MAX_VALUE;
			try {
				if (args[1] instanceof Reader reader) {
					StringBuilder text = new StringBuilder();
					char[] buffer = new char[8192];
					int read;
					while (text.length() < limit && (read = reader.read(buffer, 0,
							(int) Math.min(buffer.length, limit - text.length()))) >= 0) {
						text.append(buffer, 0, read);
					}
					return new StreamContent(text.toString(), new StringReader(text.toString()));
				}
				byte[] bytes = ((InputStream) args[1]).readNBytes((int) Math.min(limit, Integer.MAX_VALUE));
				return new StreamContent(
						setter.equals("setAsciiStream") ? new String(bytes, StandardCharsets.US_ASCII) : bytes,
						new ByteArrayInputStream(bytes));
			}
			catch (IOException ex) {
				throw new SQLException(
						"Could not read the stream bound with " + setter + "(" + args[0] + ", ...): " + ex.getMessage(),
						ex);
			}
		}

	}

}
