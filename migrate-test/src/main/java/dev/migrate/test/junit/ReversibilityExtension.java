package dev.migrate.test.junit;

import dev.migrate.test.ReversibilityVerifier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Hands test methods a {@link ReversibilityVerifier} for the {@link dev.migrate.Migration
 * &#64;Migration} beans and {@code DataSource} of the test's Spring application context.
 * {@link ReversibilityTest @ReversibilityTest} registers it for Spring Boot tests; in a
 * plain Spring test, register it next to the Spring extension:
 *
 * <pre class="code">
 * &#64;SpringJUnitConfig(MigrationsConfig.class)
 * &#64;ExtendWith(ReversibilityExtension.class)
 * class MigrationsTests {
 *
 *     &#64;Test
 *     void everyDownUndoesItsUp(ReversibilityVerifier verifier) {
 *         verifier.verify();
 *     }
 *
 * }
 * </pre>
 *
 * Each parameter gets a new verifier, so settings made in one test do not leak into
 * another. The context's database must have no migration applied yet.
 *
 * @since 0.1.0
 */
public class ReversibilityExtension implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == ReversibilityVerifier.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		ApplicationContext context = SpringExtension.getApplicationContext(extensionContext);
		return ReversibilityVerifier.of(context);
	}

}
