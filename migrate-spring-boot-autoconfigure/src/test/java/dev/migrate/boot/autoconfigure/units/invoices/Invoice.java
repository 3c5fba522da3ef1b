package dev.migrate.boot.autoconfigure.units.invoices;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entity whose table no migration creates: only Hibernate's {@code update} would.
 */
@Entity
@Table(name = "invoice")
public class Invoice {

	@Id
	private Integer id;

	private String number;

	protected Invoice() {
	}

	public Invoice(Integer id, String number) {
		this.id = id;
		this.number = number;
	}

	public Integer getId() {
		return this.id;
	}

	public String getNumber() {
		return this.number;
	}

}
