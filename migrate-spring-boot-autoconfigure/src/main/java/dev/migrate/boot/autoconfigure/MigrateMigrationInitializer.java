package dev.migrate.boot.autoconfigure;

import java.io.PrintStream;
import java.nio.file.Path;

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

	private final @Nullable Integer steps;

	private @Nullable Path planOutput;

	private final @Nullable MigrateCommand command;

	private final MigrateCommandExitHandler exitHandler;

	private PrintStream out = System.out;

	private int order;

	/**
	 * Create an initializer that applies every pending migration.
	 * @param migrator the engine
	 */
	public MigrateMigrationInitializer(Migrator migrator) {
		this(migrator, null, null, null, new SystemExitMigrateCommandExitHandler());
	}

	/**
	 * Create an initializer.
	 * @param migrator the engine
	 * @param target the version to migrate up to (or roll back to with the rollback
	 * command), or {@code null} for the latest
	 * @param steps how many migrations the rollback command rolls back without a target
	 * (default 1), or {@code null}
	 * @param command the command to run instead of migrating, or {@code null}
	 * @param exitHandler what ends the application after a command
	 */
	public MigrateMigrationInitializer(Migrator migrator, @Nullable String target, @Nullable Integer steps,
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
		MigrateCommandResult result = new MigrateCommandRunner(this.migrator, this.target, this.steps, this.planOutput)
			.run(this.command);
		this.out.println(result.report());
		this.out.flush();
		this.exitHandler.exit(result);
		// The handler did not end the JVM: stop the refresh so that nothing else starts
		// (no web server, no ORM validation of a schema that was just rolled back).
		throw new MigrateCommandCompletedException(result);
	}

	/**
	 * File the plan command also writes its SQL script to.
	 * @param planOutput the file, or {@code null} to only print the plan
	 */
	public void setPlanOutput(@Nullable Path planOutput) {
		this.planOutput = planOutput;
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
