package dev.migrate.boot.autoconfigure.units.reports;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entity of a database that migrate does not migrate; Hibernate creates its table.
 */
@Entity
@Table(name = "report")
public class Report {

	@Id
	private Integer id;

	private String title;

	protected Report() {
	}

	public Report(Integer id, String title) {
		this.id = id;
		this.title = title;
	}

	public Integer getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

}
