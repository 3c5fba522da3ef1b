package dev.migrate.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.MigrateException;
import dev.migrate.Remedy;
import dev.migrate.Setting;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Waits for a database that comes up after the application (a container started together
 * with it): obtains one connection, retrying while that fails, before the engine inspects
 * the database. Nothing else is retried: not the inspection, not the statements of
 * migrations. Built on Spring Framework's {@link RetryTemplate}; each retry is logged.
 */
public final class ConnectRetries {

	private static final Log logger = LogFactory.getLog("dev.migrate.Migrator");

	private final int retries;

	private final Duration interval;

	/**
	 * Create the retries of a first connection.
	 * @param retries how many times to retry after the first attempt, 0 for none
	 * @param interval the time between two attempts, positive
	 */
	public ConnectRetries(int retries, Duration interval) {
		this.retries = retries;
		this.interval = interval;
	}

	/**
	 * Obtain a connection from a data source and give it back, retrying while that fails.
	 * Returns at once without retries.
	 * @param dataSource the data source
	 * @throws MigrateException if no connection could be obtained with the retries
	 */
	public void await(DataSource dataSource) {
		if (this.retries <= 0) {
			return;
		}
		// The retrying, and Spring's retry classes, only where retries are asked for.
		new Retrying().await(dataSource);
	}

	/**
	 * Obtains the first connection with Spring Framework's {@link RetryTemplate}.
	 */
	private final class Retrying {

		void await(DataSource dataSource) {
			RetryTemplate template = new RetryTemplate(RetryPolicy.builder()
				.maxRetries(ConnectRetries.this.retries)
				.delay(ConnectRetries.this.interval)
				.multiplier(1)
				.maxDelay(ConnectRetries.this.interval)
				.build());
			template.setRetryListener(new LoggingListener());
			try {
				template.execute(new Retryable<Boolean>() {

					@Override
					public Boolean execute() {
						Connection connection = DataSourceUtils.getConnection(dataSource);
						DataSourceUtils.releaseConnection(connection, dataSource);
						return true;
					}

					@Override
					public String getName() {
						return "migrate's first connection";
					}

				});
			}
			catch (RetryException ex) {
				throw new MigrateException(new Diagnosis(
						Text.of("migrate could not connect to the database to migrate it: "
								+ reason(ex.getLastException()) + ". Tried " + (ex.getRetryCount() + 1) + " times, "
								+ ConnectRetries.this.interval.toMillis() + " ms apart (",
								Remedy.change(Setting.CONNECT_RETRIES), ", ",
								Remedy.change(Setting.CONNECT_RETRIES_INTERVAL), ")."),
						Text.of("Nothing was changed."),
						Text.of("Start the database, or check that it is reachable from here, and the URL, user and"
								+ " password of the connection (", Remedy.change(Setting.CONNECTION),
								"). If it starts after the application, allow it more time (",
								Remedy.change(Setting.CONNECT_RETRIES), ").")),
						ex.getLastException());
			}
		}

	}

	private static String reason(@Nullable Throwable ex) {
		// The driver's own message names the host and port; the causes below it do not.
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof SQLException && candidate.getMessage() != null) {
				return candidate.getMessage().strip().replaceAll("\\.+$", "");
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		if (ex == null) {
			return "no reason given";
		}
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	private final class LoggingListener implements RetryListener {

		@Override
		public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
			logger.warn("Could not connect to the database: " + reason(state.getLastException()) + "; retry "
					+ state.getRetryCount() + " of " + ConnectRetries.this.retries + " after "
					+ ConnectRetries.this.interval.toMillis() + " ms");
		}

		@Override
		public void onRetrySuccess(RetryPolicy policy, Retryable<?> retryable, @Nullable Object result) {
			logger.info("Connected to the database after retrying");
		}

	}

}
