package dev.migrate.sample.user;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Create and list users. Passwords are hashed and never returned.
 */
@RestController
@RequestMapping("/users")
class UserController {

	private final UserRepository users;

	private final PasswordHasher passwordHasher;

	UserController(UserRepository users, PasswordHasher passwordHasher) {
		this.users = users;
		this.passwordHasher = passwordHasher;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserView create(@RequestBody NewUser request) {
		if (request.email() == null || request.email().isBlank() || request.password() == null
				|| request.password().length() < 8) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"email is required and password needs at least 8 characters");
		}
		if (this.users.findByEmail(request.email()).isPresent()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "a user with that email exists");
		}
		return UserView.of(this.users.save(new User(request.email(), this.passwordHasher.hash(request.password()))));
	}

	@GetMapping
	List<UserView> list() {
		return this.users.findAll().stream().map(UserView::of).toList();
	}

	record NewUser(@Nullable String email, @Nullable String password) {
	}

	record UserView(Long id, String email) {

		static UserView of(User user) {
			return new UserView(user.getId(), user.getEmail());
		}

	}

}
