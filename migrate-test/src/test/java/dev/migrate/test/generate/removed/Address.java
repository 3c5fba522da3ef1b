package dev.migrate.test.generate.removed;

import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

@Embeddable
public class Address {

	@Nullable String street;

	@Nullable String city;

}
