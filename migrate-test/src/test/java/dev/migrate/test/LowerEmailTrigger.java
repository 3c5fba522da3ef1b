package dev.migrate.test;

import java.sql.Connection;
import java.util.Locale;

import org.h2.api.Trigger;

/**
 * An H2 trigger for the snapshot tests: lower-cases the second column (the e-mail) of
 * each inserted row.
 */
public class LowerEmailTrigger implements Trigger {

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
		if (newRow != null && newRow[1] instanceof String email) {
			newRow[1] = email.toLowerCase(Locale.ROOT);
		}
	}

}
