package dev.migrate.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections in auto-commit mode whatever the pool's default, for the engine's
 * own statements (history table, lock row). A pool configured with
 * {@code autoCommit=false}, common next to JPA, would otherwise roll them back when the
 * connection returns to it. Being a data source of its own, it also keeps those
 * statements out of any Spring-managed transaction of the caller.
 */
public final class AutoCommitDataSource extends DelegatingDataSource {

	public AutoCommitDataSource(DataSource targetDataSource) {
		super(targetDataSource);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return autoCommit(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return autoCommit(super.getConnection(username, password));
	}

	private static Connection autoCommit(Connection connection) throws SQLException {
		try {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			return connection;
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
	}

}
