package dev.migrate.test.generate.removed;

import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "customer", indexes = @Index(name = "customer_name_idx", columnList = "name"))
public class Customer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Nullable Long id;

	@Column(nullable = false, length = 100)
	@Nullable String name;

	@Column(unique = true)
	@Nullable String email;

	@Column(length = 30)
	@Nullable String phone;

	@Embedded
	@Nullable Address address;

	@ManyToMany
	@Nullable Set<Tag> tags;

	@ElementCollection
	@CollectionTable(name = "customer_nickname")
	@Nullable Set<String> nicknames;

	@Nullable Long visits;

}
