package dev.migrate.boot.autoconfigure.units.customers;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entity of the primary database's persistence unit; its table is created by a
 * migration.
 */
@Entity
@Table(name = "customer")
public class Customer {

	@Id
	private Integer id;

	private String name;

	protected Customer() {
	}

	public Customer(Integer id, String name) {
		this.id = id;
		this.name = name;
	}

	public Integer getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
