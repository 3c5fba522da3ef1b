package dev.migrate.boot.autoconfigure.slice;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Note {

	@Id
	private Integer id;

	private String text;

	public String getText() {
		return this.text;
	}

}
