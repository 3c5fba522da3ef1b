package dev.migrate.internal;

import java.sql.Connection;

import javax.sql.DataSource;

import dev.migrate.DatabaseInfo;
import dev.migrate.MigrationContext.Direction;
import dev.migrate.resolver.MigrationMethod;
import dev.migrate.resolver.ResolvedMigration;

/**
 * Calls an {@code up} or {@code down} method on the connection it runs in, outside the
 * executor: for plans. The connection is bound to the thread as the migration's
 * transaction (see {@link MigrationTransaction}), so code that asks Spring for a
 * connection of the same {@link DataSource} joins it, and cannot commit it.
 */
final class BoundInvocation {

	private BoundInvocation() {
	}

	static void invoke(DataSource dataSource, DatabaseInfo database, ResolvedMigration migration,
			MigrationMethod method, Direction direction, Connection connection) throws Throwable {
		try (MigrationTransaction transaction = MigrationTransaction.begin(dataSource, connection, true,
				migration.describe())) {
			transaction.runUserCode(() -> method.invoke(migration.bean(),
					new DefaultMigrationContext(migration, direction, database, transaction.connection())));
		}
	}

}
