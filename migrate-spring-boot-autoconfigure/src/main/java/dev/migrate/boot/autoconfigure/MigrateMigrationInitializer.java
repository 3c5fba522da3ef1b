package dev.migrate.boot.autoconfigure;

import java.io.PrintStream;

import dev.migrate.Migrator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * {@link InitializingBean} that migrates the database while the application context
 * refreshes, before the beans that use the database ({@code EntityManagerFactory},
 * {@code JdbcTemplate}, beans marked {@code @DependsOnDatabaseInitialization}) are
 * created. With a {@link MigrateCommand command}, it runs that operation instead, prints
 * its report and hands over to a {@link MigrateCommandExitHandler}; the rest of the
 * application is not started.
 *
 * @author migrate
 */
public class MigrateMigrationInitializer implements InitializingBean, Ordered {

	private final Migrator migrator;

	private final @Nullable String target;

	private final int steps;

	private final @Nullable MigrateCommand command;

	private final MigrateCommandExitHandler exitHandler;

	private PrintStream out = System.out;

	private int order;

	/**
	 * Create an initializer that applies every pending migration.
	 * @param migrator the engine
	 */
	public MigrateMigrationInitializer(Migrator migrator) {
		this(migrator, null, 1, null, new SystemExitMigrateCommandExitHandler());
	}

	/**
	 * Create an initializer.
	 * @param migrator the engine
	 * @param target the version to migrate up to (or roll back to with the rollback
	 * command), or {@code null} for the latest
	 * @param steps how many migrations the rollback command rolls back without a target
	 * @param command the command to run instead of migrating, or {@code null}
	 * @param exitHandler what ends the application after a command
	 */
	public MigrateMigrationInitializer(Migrator migrator, @Nullable String target, int steps,
			@Nullable MigrateCommand command, MigrateCommandExitHandler exitHandler) {
		Assert.notNull(migrator, "'migrator' must not be null");
		Assert.notNull(exitHandler, "'exitHandler' must not be null");
		this.migrator = migrator;
		this.target = StringUtils.hasText(target) ? target : null;
		this.steps = steps;
		this.command = command;
		this.exitHandler = exitHandler;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.command == null) {
			this.migrator.migrate(this.target);
			return;
		}
		MigrateCommandResult result = new MigrateCommandRunner(this.migrator, this.target, this.steps)
			.run(this.command);
		this.out.println(result.report());
		this.out.flush();
		this.exitHandler.exit(result);
		// The handler did not end the JVM: stop the refresh so that nothing else starts
		// (no web server, no ORM validation of a schema that was just rolled back).
		throw new MigrateCommandCompletedException(result);
	}

	/**
	 * Where command reports are printed. Default {@code System.out}.
	 * @param out the stream
	 */
	public void setOut(PrintStream out) {
		Assert.notNull(out, "'out' must not be null");
		this.out = out;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	public void setOrder(int order) {
		this.order = order;
	}

}
