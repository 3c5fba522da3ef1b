package dev.migrate.boot.autoconfigure;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.migrate.MigrateException;
import dev.migrate.boot.autoconfigure.command.MigrateCommand;
import dev.migrate.boot.autoconfigure.command.MigrateCommandConfigurationException;
import dev.migrate.boot.autoconfigure.command.MigrateCommandExitHandler;
import dev.migrate.boot.autoconfigure.command.MigrateCommandResult;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;

/**
 * Ends a start-up asked to run a command when the command cannot run because its
 * configuration is invalid, the way a command ends: the report is printed and the
 * {@link MigrateCommandExitHandler} gets exit code 4.
 * <p>
 * Throwing an {@code ExitCodeGenerator} out of the refresh is not enough on its own:
 * {@code SpringApplication} publishes an {@code ExitCodeEvent} to the failed context
 * before it registers the exit code, and that publication fails (the code is lost, the
 * JVM exits with 1) as soon as an application listener bean was not created yet, as with
 * Actuator's metrics and transaction management. The exception is still thrown when the
 * handler returns, for embedded uses and tests.
 */
final class MigrateCommandConfigurationFailures {

	private MigrateCommandConfigurationFailures() {
	}

	/**
	 * Report a failure of the engine found before the command could run, such as a
	 * setting or a migration definition it refuses, and hand it to the exit handler.
	 * @param command the value of {@code migrate.command}
	 * @param failure what is wrong
	 * @param exitHandler the exit handler, or {@code null} if none is available
	 * @param out where the report is printed
	 * @return the exception to throw when the handler returns
	 */
	static MigrateCommandConfigurationException handle(String command, MigrateException failure,
			@Nullable MigrateCommandExitHandler exitHandler, PrintStream out) {
		MigrateCommandConfigurationException exception = new MigrateCommandConfigurationException(command, failure);
		FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(exception);
		String report = (analysis != null) ? analysis.getDescription() + System.lineSeparator() + analysis.getAction()
				: String.valueOf(exception.getMessage());
		return end(exception, report, exitHandler, out);
	}

	/**
	 * Report a {@code migrate.*} property that cannot be bound and hand it to the exit
	 * handler.
	 * @param command the value of {@code migrate.command}
	 * @param name the property
	 * @param target what it is bound to
	 * @param property its value and origin, or {@code null}
	 * @param failure why it cannot be bound
	 * @param exitHandler the exit handler, or {@code null} if none is available
	 * @param out where the report is printed
	 * @return the exception to throw when the handler returns
	 */
	static MigrateCommandConfigurationException handleBindFailure(String command, ConfigurationPropertyName name,
			Bindable<?> target, @Nullable ConfigurationProperty property, Exception failure,
			@Nullable MigrateCommandExitHandler exitHandler, PrintStream out) {
		MigrateCommandConfigurationException exception = new MigrateCommandConfigurationException(command, failure);
		String unknown = MigrateUnknownProperties.describeOrNull(failure);
		if (unknown != null) {
			return end(exception,
					notRun(command) + ": " + unknown + System.lineSeparator() + MigrateUnknownProperties.action(),
					exitHandler, out);
		}
		Class<?> type = target.getType().resolve(Object.class);
		StringBuilder report = new StringBuilder(notRun(command)).append(": Failed to bind properties under '")
			.append(name)
			.append("' to ")
			.append(type.getName());
		if (property != null) {
			report.append(": value \"").append(property.getValue()).append('"');
			if (property.getOrigin() != null) {
				report.append(" (").append(property.getOrigin()).append(')');
			}
		}
		report.append(": ").append(NestedExceptionUtils.getMostSpecificCause(failure).getMessage()).append('.');
		if (type.isEnum()) {
			report.append(" Valid values: ")
				.append(Arrays.stream(type.getEnumConstants())
					.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
					.collect(Collectors.joining(", ")))
				.append('.');
		}
		report.append(" Nothing was changed in the database.")
			.append(System.lineSeparator())
			.append("Correct the property named above.");
		return end(exception, report.toString(), exitHandler, out);
	}

	private static MigrateCommandConfigurationException end(MigrateCommandConfigurationException exception,
			String report, @Nullable MigrateCommandExitHandler exitHandler, PrintStream out) {
		if (exitHandler != null) {
			out.println(report);
			out.flush();
			exitHandler.exit(new MigrateCommandResult(MigrateCommand.of(exception.getCommand()),
					MigrateCommandResult.MISCONFIGURED, report, exception));
		}
		return exception;
	}

	private static String notRun(String command) {
		return "migrate.command=" + command + " did not run (exit code " + MigrateCommandResult.MISCONFIGURED + ")";
	}

}
