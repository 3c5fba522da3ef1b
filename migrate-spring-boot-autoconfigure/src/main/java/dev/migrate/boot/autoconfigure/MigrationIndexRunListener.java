package dev.migrate.boot.autoconfigure;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Does for a {@link SpringApplication} what {@link MigrationIndexInitializer} does, with
 * the index read, and the readers that scanning meets its class files through made, on a
 * thread of their own: that starts once the environment is prepared (and
 * {@code migrate.index.enabled} known), while the application sets up its logging and
 * creates its context. An initializer that runs before every other one registers the
 * result, so that the filter that leaves the listed migrations out of scanning comes
 * before those other initializers register (such as Spring Boot's test filter, which
 * would parse every class file it is asked about). An index switched on later, by an
 * initializer, is read when the context is prepared.
 */
final class MigrationIndexRunListener implements SpringApplicationRunListener, Ordered {

	private final SpringApplication application;

	private boolean preparing;

	MigrationIndexRunListener(SpringApplication application, String[] args) {
		this.application = application;
	}

	/**
	 * After the listener that publishes the application's events, so that the environment
	 * holds the application's configuration files.
	 */
	@Override
	public int getOrder() {
		return 10;
	}

	@Override
	public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
			ConfigurableEnvironment environment) {
		if (MigrationIndexInitializer.usesIndex(environment)) {
			ClassLoader classLoader = this.application.getClassLoader();
			if (classLoader != null) {
				this.application
					.addInitializers(new PreparedIndexInitializer(new Preparation(environment, classLoader)));
				this.preparing = true;
			}
		}
	}

	@Override
	public void contextPrepared(ConfigurableApplicationContext context) {
		// Once prepared, an index that is missing or stale has been reported already.
		if (!this.preparing && !context.getBeanFactory().containsSingleton(MigrationIndexExcludeFilter.BEAN_NAME)) {
			new MigrationIndexInitializer().initialize(context);
		}
	}

	/**
	 * Registers a preparation's result in the context of the run that started it; it
	 * stays in the application's initializers, and does nothing in a later run.
	 */
	private static final class PreparedIndexInitializer
			implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

		private final AtomicReference<@Nullable Preparation> preparation;

		PreparedIndexInitializer(Preparation preparation) {
			this.preparation = new AtomicReference<>(preparation);
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			// Checked already for that environment; this runs before every other
			// initializer could change it. Another run's is checked anew.
			Preparation preparation = this.preparation.getAndSet(null);
			if (preparation == null || (preparation.environment != context.getEnvironment()
					&& !MigrationIndexInitializer.usesIndex(context.getEnvironment()))) {
				return;
			}
			ClassLoader classLoader = MigrationIndexInitializer.classLoader(context);
			if (classLoader != null) {
				MigrationIndexInitializer.register(context, (classLoader == preparation.classLoader)
						? preparation.prepared() : MigrationIndexInitializer.prepare(classLoader));
			}
		}

	}

	/**
	 * The index and its readers, prepared on a thread of their own.
	 */
	private static final class Preparation {

		private final ConfigurableEnvironment environment;

		private final ClassLoader classLoader;

		private final FutureTask<MigrationIndexInitializer.@Nullable Prepared> task;

		Preparation(ConfigurableEnvironment environment, ClassLoader classLoader) {
			this.environment = environment;
			this.classLoader = classLoader;
			this.task = new FutureTask<>(() -> MigrationIndexInitializer.prepare(classLoader));
			Thread thread = new Thread(this.task, "migrate-index");
			thread.setDaemon(true);
			thread.setContextClassLoader(classLoader);
			thread.start();
		}

		MigrationIndexInitializer.@Nullable Prepared prepared() {
			try {
				return this.task.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				// Prepare it here instead.
				return MigrationIndexInitializer.prepare(this.classLoader);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(ex.getCause());
			}
		}

	}

}
