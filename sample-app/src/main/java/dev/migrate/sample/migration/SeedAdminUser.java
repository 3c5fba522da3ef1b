package dev.migrate.sample.migration;

import dev.migrate.Migration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data migration: every installation gets an administrator account. The row has a
 * reserved id (0, below the identity range) and a locked password ("!" matches no hash;
 * the administrator sets one through the reset flow), so applying it twice gives the same
 * row, and its down removes exactly that row.
 */
@Migration(version = "4")
class SeedAdminUser {

	static final long ADMIN_ID = 0;

	private final String adminEmail;

	SeedAdminUser(@Value("${sample.admin-email:admin@example.com}") String adminEmail) {
		this.adminEmail = adminEmail;
	}

	public void up(JdbcClient jdbc) {
		jdbc.sql("INSERT INTO users (id, email, password) VALUES (:id, :email, '!')")
			.param("id", ADMIN_ID)
			.param("email", this.adminEmail)
			.update();
	}

	public void down(JdbcClient jdbc) {
		jdbc.sql("DELETE FROM users WHERE id = :id").param("id", ADMIN_ID).update();
	}

}
