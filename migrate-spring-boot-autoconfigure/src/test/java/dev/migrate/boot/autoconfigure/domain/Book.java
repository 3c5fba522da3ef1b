package dev.migrate.boot.autoconfigure.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entity whose table only {@code TestMigrations.CreateBooks} creates.
 */
@Entity
@Table(name = "book")
public class Book {

	@Id
	private Integer id;

	private String title;

	public Integer getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

}
