package dev.migrate.sample.user;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Users.
 */
public interface UserRepository extends JpaRepository<User, Long> {

	Optional<User> findByEmail(String email);

}
