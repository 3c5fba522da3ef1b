package dev.migrate.internal;

import java.sql.Connection;

import javax.sql.DataSource;

import dev.migrate.DatabaseInfo;
import dev.migrate.MigrationContext.Direction;
import dev.migrate.resolver.MigrationMethod;
import dev.migrate.resolver.ResolvedMigration;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Calls an {@code up} or {@code down} method on the connection it runs in. The connection
 * is also bound to the thread, so code that asks Spring for a connection of the same
 * {@link DataSource} (DataSourceUtils, a JdbcTemplate of the application) joins it.
 *
 * @author migrate
 */
final class BoundInvocation {

	private BoundInvocation() {
	}

	static void invoke(DataSource dataSource, DatabaseInfo database, ResolvedMigration migration,
			MigrationMethod method, Direction direction, Connection connection) throws Throwable {
		boolean bind = !TransactionSynchronizationManager.hasResource(dataSource);
		if (bind) {
			TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(connection));
		}
		try {
			method.invoke(migration.bean(), new DefaultMigrationContext(migration, direction, database, connection));
		}
		finally {
			if (bind) {
				TransactionSynchronizationManager.unbindResource(dataSource);
			}
		}
	}

}
