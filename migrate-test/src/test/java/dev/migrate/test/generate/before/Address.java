package dev.migrate.test.generate.before;

import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

@Embeddable
public class Address {

	@Nullable String street;

	@Nullable String city;

}
