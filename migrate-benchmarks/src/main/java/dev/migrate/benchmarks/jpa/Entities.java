package dev.migrate.benchmarks.jpa;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The typical application's entities: twenty, each mapped to one of the tables the first
 * twenty migrations create. Their fields are read by Hibernate only.
 */
public final class Entities {

	private Entities() {
	}

	@Entity
	@Table(name = "t_1")
	public static class Customer {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_2")
	public static class Address {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_3")
	public static class Account {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_4")
	public static class Invoice {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_5")
	public static class InvoiceLine {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_6")
	public static class Product {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_7")
	public static class Category {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_8")
	public static class Supplier {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_9")
	public static class Warehouse {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_10")
	public static class Stock {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_11")
	public static class Shipment {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_12")
	public static class Carrier {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_13")
	public static class Payment {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_14")
	public static class Refund {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_15")
	public static class Discount {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_16")
	public static class Review {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_17")
	public static class Employee {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_18")
	public static class Department {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_19")
	public static class AuditEntry {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

	@Entity
	@Table(name = "t_20")
	public static class Setting {

		@Id
		private Long id;

		private String name;

		@Column(name = "created_at")
		private LocalDateTime createdAt;

	}

}
