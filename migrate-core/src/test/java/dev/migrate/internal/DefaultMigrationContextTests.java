package dev.migrate.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the message formatting of {@link DefaultMigrationContext#log}.
 */
class DefaultMigrationContextTests {

	@Test
	void replacesPlaceholdersInOrder() {
		assertThat(DefaultMigrationContext.format("copied {} of {} rows", 5, 10)).isEqualTo("copied 5 of 10 rows");
	}

	@Test
	void keepsPlaceholdersWithoutArgumentsAndIgnoresExtraArguments() {
		assertThat(DefaultMigrationContext.format("{} and {}", "one")).isEqualTo("one and {}");
		assertThat(DefaultMigrationContext.format("done", "unused")).isEqualTo("done");
	}

	@Test
	void showsNullAndValuesThatLookLikePlaceholders() {
		assertThat(DefaultMigrationContext.format("{} then {}", null, "{}")).isEqualTo("null then {}");
	}

}
