package dev.migrate.sample.migration;

import dev.migrate.Migration;
import dev.migrate.MigrationContext;

/**
 * A later change to an existing table: reports need moderation before they count.
 */
@Migration(version = "3", description = "Add approved flag to reports")
class AddApprovedToReports {

	public void up(MigrationContext context) {
		context.jdbcTemplate().execute("ALTER TABLE reports ADD COLUMN approved BOOLEAN DEFAULT FALSE NOT NULL");
		context.log("reports.approved added; existing reports start unapproved");
	}

	public void down(MigrationContext context) {
		context.jdbcTemplate().execute("ALTER TABLE reports DROP COLUMN approved");
	}

}
