package dev.migrate.boot.autoconfigure.command;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
	void generateKeepsHibernateFromChangingOrValidatingTheSchema() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrate.command", "generate")
			.withProperty("spring.jpa.hibernate.ddl-auto", "update");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
		assertThat(environment.getProperty("spring.jpa.properties.hibernate.hbm2ddl.auto")).isEqualTo("none");
	}

	@Test
	void otherCommandsLeaveDdlAutoAlone() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrate.command", "migrate")
			.withProperty("spring.jpa.hibernate.ddl-auto", "validate");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
	}

	@Test
	void leavesTheApplicationTypeAloneWithoutCommand() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
	}

	@Test
	void refusesACommandWhenMigrateIsDisabled() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrate.command", "info")
			.withProperty("migrate.enabled", "false");
		assertThatExceptionOfType(MigrateCommandConfigurationException.class)
			.isThrownBy(() -> this.postProcessor.postProcessEnvironment(environment, new SpringApplication()))
			.satisfies((ex) -> {
				assertThat(ex.getExitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED);
				assertThat(ex.getMessage()).startsWith("migrate.command=info did not run (exit code 4): "
						+ "migrate.enabled=false switches migrate off, so the command cannot run");
				assertThat(ex.getAction()).contains("--migrate.enabled=true");
			});
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
	}

	@Test
	void refusesACommandWhenMigrateEnabledIsNotABoolean() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrate.command", "info")
			.withProperty("migrate.enabled", "maybe");
		assertThatExceptionOfType(MigrateCommandConfigurationException.class)
			.isThrownBy(() -> this.postProcessor.postProcessEnvironment(environment, new SpringApplication()))
			.withCauseInstanceOf(BindException.class)
			.satisfies((ex) -> assertThat(ex.getExitCode()).isEqualTo(MigrateCommandResult.MISCONFIGURED));
	}

	@Test
	void leavesADisabledMigrateAloneWithoutCommand() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrate.enabled", "false")
			.withProperty("migrate.command", "");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
	}

}
