package dev.migrate.boot.autoconfigure.command;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrateCommand}.
 */
class MigrateCommandTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null", value = { "rollback | ROLLBACK", "ROLLBACK | ROLLBACK",
			"Roll-Back | ROLLBACK", "' plan ' | PLAN", "rollbak | null", "'' | null", "null | null" })
	void readsAValueAsSpringBootBindsIt(@Nullable String value, @Nullable MigrateCommand command) {
		assertThat(MigrateCommand.of(value)).isEqualTo(command);
		if (command != null) {
			MockEnvironment environment = new MockEnvironment().withProperty("migrate.command", value);
			assertThat(Binder.get(environment).bind("migrate.command", MigrateCommand.class).orElse(null))
				.as("as bound")
				.isEqualTo(command);
		}
	}

}
