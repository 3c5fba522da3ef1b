package dev.migrate.dialect;

import java.util.function.BooleanSupplier;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creating migrate's own objects (history table, lock table, schema) when several
 * instances may try at the same moment.
 *
 * @since 0.1.0
 */
public final class Ddl {

	private Ddl() {
	}

	/**
	 * Run a {@code CREATE} statement unless the object exists, tolerating another
	 * instance that creates it between the check and the statement.
	 * @param jdbc the template to run the statement with
	 * @param statement the statement
	 * @param exists whether the object exists now
	 * @return {@code true} if this call created the object
	 * @throws DataAccessException the statement's failure, when the object still does not
	 * exist after it
	 */
	public static boolean createUnlessPresent(JdbcTemplate jdbc, String statement, BooleanSupplier exists) {
		if (exists.getAsBoolean()) {
			return false;
		}
		try {
			jdbc.execute(statement);
			return true;
		}
		catch (DataAccessException ex) {
			if (exists.getAsBoolean()) {
				return false;
			}
			throw ex;
		}
	}

}
