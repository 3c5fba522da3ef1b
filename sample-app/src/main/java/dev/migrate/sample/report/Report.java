package dev.migrate.sample.report;

import dev.migrate.sample.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A used-car report; the table comes from migration 2, the approved flag from migration
 * 3.
 */
@Entity
@Table(name = "reports", indexes = @Index(name = "reports_make_model_idx", columnList = "make, model"))
public class Report {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false)
	private int price;

	@Column(nullable = false, length = 100)
	private String make;

	@Column(nullable = false, length = 100)
	private String model;

	@Column(name = "model_year", nullable = false)
	private int year;

	@Column(nullable = false)
	private double lng;

	@Column(nullable = false)
	private double lat;

	@Column(nullable = false)
	private int mileage;

	@Column(nullable = false)
	private boolean approved;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "user_id", nullable = false)
	private @Nullable User user;

	protected Report() {
		this.make = "";
		this.model = "";
	}

	public Report(User user, int price, String make, String model, int year, double lng, double lat, int mileage) {
		this.user = user;
		this.price = price;
		this.make = make;
		this.model = model;
		this.year = year;
		this.lng = lng;
		this.lat = lat;
		this.mileage = mileage;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public int getPrice() {
		return this.price;
	}

	public String getMake() {
		return this.make;
	}

	public String getModel() {
		return this.model;
	}

	public int getYear() {
		return this.year;
	}

	public double getLng() {
		return this.lng;
	}

	public double getLat() {
		return this.lat;
	}

	public int getMileage() {
		return this.mileage;
	}

	public boolean isApproved() {
		return this.approved;
	}

	public void approve() {
		this.approved = true;
	}

	public @Nullable User getUser() {
		return this.user;
	}

}
