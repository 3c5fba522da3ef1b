package dev.migrate.sample.migration;

import dev.migrate.Migration;
import dev.migrate.sample.user.PasswordHasher;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data migration: every installation gets an administrator account. Its down removes
 * exactly the row its up inserted.
 */
@Migration(version = "4")
class SeedAdminUser {

	static final String ADMIN_EMAIL = "admin@example.com";

	private final PasswordHasher passwordHasher;

	SeedAdminUser(PasswordHasher passwordHasher) {
		this.passwordHasher = passwordHasher;
	}

	public void up(JdbcClient jdbc) {
		jdbc.sql("INSERT INTO users (email, password) VALUES (:email, :password)")
			.param("email", ADMIN_EMAIL)
			.param("password", this.passwordHasher.hash("change-me"))
			.update();
	}

	public void down(JdbcClient jdbc) {
		jdbc.sql("DELETE FROM users WHERE email = :email").param("email", ADMIN_EMAIL).update();
	}

}
