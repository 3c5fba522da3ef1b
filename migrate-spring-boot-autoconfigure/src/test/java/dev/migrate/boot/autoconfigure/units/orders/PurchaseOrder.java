package dev.migrate.boot.autoconfigure.units.orders;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entity of the orders database's persistence unit; its table is created by a
 * migration of database 'orders'.
 */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder {

	@Id
	private Integer id;

	private String reference;

	protected PurchaseOrder() {
	}

	public PurchaseOrder(Integer id, String reference) {
		this.id = id;
		this.reference = reference;
	}

	public Integer getId() {
		return this.id;
	}

	public String getReference() {
		return this.reference;
	}

}
