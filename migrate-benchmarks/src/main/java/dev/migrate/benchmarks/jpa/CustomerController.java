package dev.migrate.benchmarks.jpa;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The typical application's controller.
 */
@RestController
class CustomerController {

	private final Repositories.CustomerRepository customers;

	CustomerController(Repositories.CustomerRepository customers) {
		this.customers = customers;
	}

	@GetMapping("/customers/{name}")
	List<Entities.Customer> byName(@PathVariable String name) {
		return this.customers.findByName(name);
	}

}
