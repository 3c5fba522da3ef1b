package dev.migrate.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * The transaction of a running migration, as Spring's transaction management sees it. The
 * migration's connection is bound to the thread for its {@link DataSource} as an active
 * transaction, so that code the migration calls which uses the same data source joins it:
 * a {@code JdbcTemplate}, and {@code @Transactional} or {@code TransactionTemplate} code
 * with propagation {@code REQUIRED}, {@code SUPPORTS}, {@code MANDATORY} or
 * {@code NESTED} (a savepoint). Such code cannot end the migration's transaction: commit,
 * rollback and turning auto-commit on are refused while the migration's code runs, and so
 * is suspending the transaction ({@code REQUIRES_NEW}, {@code NOT_SUPPORTED}), which
 * would commit work on another connection that the migration's failure could not undo. A
 * participant that marks the transaction rollback-only fails the migration.
 *
 * <p>
 * Where the migration runs without a transaction
 * ({@code @Migration(transaction = NONE)}), the connection is bound as is: code it calls
 * runs its own transactions on it.
 */
final class MigrationTransaction implements AutoCloseable {

	private static final List<String> REFUSED = List.of("commit", "rollback", "setAutoCommit");

	private final DataSource key;

	private final Connection connection;

	private final boolean transactional;

	private final String name;

	private final Connection guarded;

	private final @Nullable GuardedHolder holder;

	private volatile boolean userCodeRunning;

	private boolean completed;

	private MigrationTransaction(DataSource key, Connection connection, boolean transactional, String name) {
		this.key = key;
		this.connection = connection;
		this.transactional = transactional;
		this.name = name;
		this.guarded = transactional ? guard(connection) : connection;
		if (TransactionSynchronizationManager.hasResource(key)) {
			// The caller runs in a transaction of its own on this data source: leave it
			// be.
			this.holder = null;
			return;
		}
		GuardedHolder bound = new GuardedHolder(this.guarded, transactional);
		TransactionSynchronizationManager.bindResource(key, bound);
		this.holder = bound;
		if (transactional && !TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.initSynchronization();
			TransactionSynchronizationManager.setActualTransactionActive(true);
			TransactionSynchronizationManager.setCurrentTransactionName(name);
			TransactionSynchronizationManager.registerSynchronization(new RefuseSuspension(name));
		}
	}

	/**
	 * Bind a migration's connection to the thread.
	 * @param key the data source that code the migration calls asks for connections
	 * @param connection the migration's connection
	 * @param transactional whether the migration runs in a transaction
	 * @param name the migration, for messages
	 * @return the bound transaction; close it to unbind
	 */
	static MigrationTransaction begin(DataSource key, Connection connection, boolean transactional, String name) {
		return new MigrationTransaction(key, connection, transactional, name);
	}

	/**
	 * The connection code of the migration works with.
	 * @return the connection, guarded where the migration is transactional
	 */
	Connection connection() {
		return this.guarded;
	}

	/**
	 * Run the migration's own code: while it runs, it cannot end the transaction.
	 * @param code the code
	 * @throws Throwable whatever the code throws
	 */
	void runUserCode(UserCode code) throws Throwable {
		this.userCodeRunning = true;
		try {
			code.run();
		}
		finally {
			this.userCodeRunning = false;
		}
	}

	/**
	 * Commit, with the callbacks that code the migration registered.
	 * @throws SQLException if the commit fails
	 * @throws IllegalTransactionStateException if code the migration called marked the
	 * transaction rollback-only
	 */
	void commit() throws SQLException {
		if (!this.transactional) {
			return;
		}
		if (this.holder != null && this.holder.isRollbackOnly()) {
			throw new IllegalTransactionStateException("Transactional code called by " + this.name
					+ " marked the migration's transaction rollback-only (it failed and its exception was caught)");
		}
		boolean synchronizing = synchronizing();
		if (synchronizing) {
			TransactionSynchronizationUtils.triggerBeforeCommit(false);
			TransactionSynchronizationUtils.triggerBeforeCompletion();
		}
		this.connection.commit();
		this.completed = true;
		if (synchronizing) {
			TransactionSynchronizationUtils.triggerAfterCommit();
			TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_COMMITTED);
		}
	}

	/**
	 * Roll back, with the callbacks that code the migration registered, unless the
	 * transaction ended already. Never throws.
	 * @return the failure of the rollback, or {@code null}
	 */
	@Nullable SQLException rollback() {
		if (!this.transactional || this.completed) {
			// Rolled back already (a lost lock rolls back before it is rethrown): the
			// callbacks ran once, and must not run again.
			return null;
		}
		boolean synchronizing = synchronizing();
		if (synchronizing) {
			TransactionSynchronizationUtils.triggerBeforeCompletion();
		}
		SQLException failure = null;
		try {
			this.connection.rollback();
		}
		catch (SQLException ex) {
			failure = ex;
		}
		this.completed = true;
		if (synchronizing) {
			TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
		}
		return failure;
	}

	private boolean synchronizing() {
		return this.holder != null && this.transactional && TransactionSynchronizationManager.isSynchronizationActive();
	}

	@Override
	public void close() {
		if (this.holder == null) {
			return;
		}
		if (this.transactional && TransactionSynchronizationManager.isSynchronizationActive()) {
			if (!this.completed) {
				TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_UNKNOWN);
			}
			TransactionSynchronizationManager.clear();
		}
		TransactionSynchronizationManager.unbindResourceIfPossible(this.key);
		this.holder.released();
		this.holder.clear();
	}

	private Connection guard(Connection connection) {
		return (Connection) Proxy.newProxyInstance(MigrationTransaction.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new Guard(connection));
	}

	/**
	 * The migration's own code.
	 */
	@FunctionalInterface
	interface UserCode {

		void run() throws Throwable;

	}

	/**
	 * Refuses commit, rollback and auto-commit from the migration's code; everything else
	 * (savepoints included) goes to the connection.
	 */
	private final class Guard implements InvocationHandler {

		private final Connection target;

		Guard(Connection target) {
			this.target = target;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
			String methodName = method.getName();
			if (methodName.equals("close") && method.getParameterCount() == 0) {
				return null;
			}
			if (methodName.equals("unwrap") && args != null && args[0] == Connection.class) {
				return proxy;
			}
			if (MigrationTransaction.this.userCodeRunning && REFUSED.contains(methodName)
					&& !(methodName.equals("setAutoCommit") && args != null && Boolean.FALSE.equals(args[0]))
					&& !(methodName.equals("rollback") && method.getParameterCount() == 1)) {
				throw new SQLException(methodName + " was called by " + MigrationTransaction.this.name
						+ " (or code it calls) on the migration's connection; migrate commits or rolls back the"
						+ " migration's transaction together with its history row. Remove the call, or run the"
						+ " migration without a transaction (@Migration(transaction = TransactionMode.NONE)).");
			}
			try {
				return method.invoke(this.target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

	}

	/**
	 * A connection holder that Spring's transaction managers take for an active,
	 * synchronized transaction, which they join.
	 */
	private static final class GuardedHolder extends ConnectionHolder {

		GuardedHolder(Connection connection, boolean transactional) {
			super(connection, transactional);
			setSynchronizedWithTransaction(transactional);
		}

	}

	/**
	 * Refuses to suspend the migration's transaction.
	 */
	private record RefuseSuspension(String name) implements TransactionSynchronization {

		@Override
		public int getOrder() {
			// First, so that no other synchronization is suspended before the refusal.
			return Ordered.HIGHEST_PRECEDENCE;
		}

		@Override
		public void suspend() {
			throw new IllegalTransactionStateException("Code called by " + this.name
					+ " asked for a new transaction (propagation REQUIRES_NEW or NOT_SUPPORTED): it would commit on"
					+ " another connection, and a failure of the migration could not undo it. Use propagation REQUIRED"
					+ " (the default) so that it joins the migration's transaction, or run it outside migrations.");
		}

	}

}
