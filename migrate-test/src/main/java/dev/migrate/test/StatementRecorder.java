package dev.migrate.test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * Records the SQL that goes through a data source while recording is on, so that the
 * verifier can tell the schemas a migration names from those that other processes create
 * or drop on the same server at the same moment.
 */
final class StatementRecorder {

	private final List<String> statements = new CopyOnWriteArrayList<>();

	private volatile boolean recording;

	/**
	 * A data source that hands out connections whose statements are recorded.
	 */
	DataSource wrap(DataSource dataSource) {
		return proxy(DataSource.class, dataSource);
	}

	void start() {
		this.statements.clear();
		this.recording = true;
	}

	void stop() {
		this.recording = false;
	}

	/**
	 * Whether a recorded statement names the schema, as a whole word, ignoring case.
	 */
	boolean mentions(String schema) {
		Pattern word = Pattern
			.compile("(?<![\\p{Alnum}_$])" + Pattern.quote(schema.toLowerCase(Locale.ROOT)) + "(?![\\p{Alnum}_$])");
		return this.statements.stream().anyMatch((sql) -> word.matcher(sql.toLowerCase(Locale.ROOT)).find());
	}

	@SuppressWarnings("unchecked")
	private <T> T proxy(Class<T> type, T target) {
		InvocationHandler handler = (proxy, method, arguments) -> {
			record(method, arguments);
			Object result = invoke(method, target, arguments);
			if (result instanceof Connection connection && method.getReturnType() == Connection.class) {
				return proxy(Connection.class, connection);
			}
			if (result instanceof Statement statement && Statement.class.isAssignableFrom(method.getReturnType())) {
				return proxy(statementType(method), statement);
			}
			return result;
		};
		return (T) Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	/** Statement, PreparedStatement or CallableStatement, as the method declares. */
	@SuppressWarnings("unchecked")
	private static Class<Statement> statementType(Method method) {
		return (Class<Statement>) method.getReturnType();
	}

	private void record(Method method, @Nullable Object @Nullable [] arguments) {
		if (this.recording && arguments != null && arguments.length > 0 && arguments[0] instanceof String sql
				&& (method.getName().startsWith("prepare") || method.getName().startsWith("execute")
						|| method.getName().equals("addBatch"))) {
			this.statements.add(sql);
		}
	}

	private static @Nullable Object invoke(Method method, Object target, @Nullable Object @Nullable [] arguments)
			throws Throwable {
		try {
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
