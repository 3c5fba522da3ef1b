package dev.migrate.resolver;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.migrate.MigrationContext;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ReflectionUtils;

/**
 * An {@code up} or {@code down} method whose parameters were resolved once, by type, at
 * discovery.
 *
 * @since 0.1.0
 */
public final class MigrationMethod {

	/** Each supported parameter type and how a running migration provides it. */
	static final List<ParameterKind> PARAMETER_KINDS = List.of(
			new ParameterKind(JdbcTemplate.class, MigrationContext::jdbcTemplate),
			new ParameterKind(NamedParameterJdbcTemplate.class, MigrationContext::namedParameterJdbcTemplate),
			new ParameterKind(JdbcOperations.class, MigrationContext::jdbcTemplate),
			new ParameterKind(NamedParameterJdbcOperations.class, MigrationContext::namedParameterJdbcTemplate),
			new ParameterKind(JdbcClient.class, MigrationContext::jdbcClient),
			new ParameterKind(Connection.class, MigrationContext::connection),
			new ParameterKind(DataSource.class, MigrationContext::dataSource),
			new ParameterKind(MigrationContext.class, (context) -> context));

	private final Method method;

	private final List<Function<MigrationContext, Object>> arguments;

	MigrationMethod(Method method, List<Function<MigrationContext, Object>> arguments) {
		ReflectionUtils.makeAccessible(method);
		this.method = method;
		this.arguments = arguments;
	}

	/**
	 * The method.
	 * @return the method
	 */
	public Method getMethod() {
		return this.method;
	}

	/**
	 * The same method as a proxy exposes it, with the same parameters.
	 * @param invocable the method of the proxy's interface
	 * @return the method to call on the proxy
	 */
	MigrationMethod on(Method invocable) {
		return new MigrationMethod(invocable, this.arguments);
	}

	/**
	 * Call the method on the bean with arguments from the context.
	 * @param bean the migration bean
	 * @param context the context of the running migration
	 * @throws Throwable whatever the method throws
	 */
	public void invoke(Object bean, MigrationContext context) throws Throwable {
		Object[] args = new Object[this.arguments.size()];
		for (int i = 0; i < args.length; i++) {
			args[i] = this.arguments.get(i).apply(context);
		}
		try {
			this.method.invoke(bean, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	record ParameterKind(Class<?> type, Function<MigrationContext, Object> provider) {
	}

}
