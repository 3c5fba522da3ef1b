package dev.migrate.boot.autoconfigure.command;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrateCommandEnvironmentPostProcessor}.
 */
class MigrateCommandEnvironmentPostProcessorTests {

	private final MigrateCommandEnvironmentPostProcessor postProcessor = new MigrateCommandEnvironmentPostProcessor();

	@Test
	void commandMakesTheApplicationANonWebOne() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrate.command", "rollback")
			.withProperty("spring.main.web-application-type", "servlet");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(Binder.get(environment).bind("spring.main.web-application-type", WebApplicationType.class).get())
			.isEqualTo(WebApplicationType.NONE);
	}

	@Test
	void leavesTheApplicationTypeAloneWithoutCommand() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
	}

	@Test
	void leavesTheApplicationTypeAloneWhenMigrateIsDisabled() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrate.command", "info")
			.withProperty("migrate.enabled", "false");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
	}

}
