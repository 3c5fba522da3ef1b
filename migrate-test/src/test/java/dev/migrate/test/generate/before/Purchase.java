package dev.migrate.test.generate.before;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "purchase")
public class Purchase {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "purchase_seq")
	@SequenceGenerator(name = "purchase_seq", sequenceName = "purchase_seq", allocationSize = 1)
	@Nullable Long id;

	@ManyToOne(optional = false)
	@Nullable Customer customer;

	@Column(precision = 10, scale = 2)
	@Nullable BigDecimal amount;

}
