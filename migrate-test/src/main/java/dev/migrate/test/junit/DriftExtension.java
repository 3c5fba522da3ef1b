package dev.migrate.test.junit;

import dev.migrate.test.DriftCheck;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Hands test methods a {@link DriftCheck} for the {@link dev.migrate.Migration
 * &#64;Migration} beans, {@code EntityManagerFactory} and {@code DataSource} of the
 * test's Spring application context. {@link DriftTest @DriftTest} registers it for Spring
 * Boot tests; in a plain Spring test, register it next to the Spring extension. The
 * context's database must have no migration applied yet.
 *
 * @since 0.1.0
 */
public class DriftExtension implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == DriftCheck.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		ApplicationContext context = SpringExtension.getApplicationContext(extensionContext);
		return DriftCheck.of(context);
	}

}
