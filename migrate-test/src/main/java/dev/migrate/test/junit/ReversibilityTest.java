package dev.migrate.test.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;

/**
 * A Spring Boot test of the application's own migrations: starts the application context
 * without a web server and without running migrations (or anything else that would fill
 * the database first), and lets test methods take a
 * {@link dev.migrate.test.ReversibilityVerifier} for the context's
 * {@link dev.migrate.Migration @Migration} beans and {@code DataSource}:
 *
 * <pre class="code">
 * &#64;ReversibilityTest
 * class MigrationsTests {
 *
 *     &#64;Test
 *     void everyDownUndoesItsUp(ReversibilityVerifier verifier) {
 *         verifier.allowIrreversible("3").verify();
 *     }
 *
 * }
 * </pre>
 *
 * The test's database must start empty, as an embedded database does; add
 * {@code @AutoConfigureTestDatabase} or {@link #properties() properties} to point it
 * elsewhere. Sets {@code migrate.enabled=false}, {@code spring.sql.init.mode=never} and
 * {@code spring.jpa.hibernate.ddl-auto=none}, so that neither migrate, SQL scripts nor
 * Hibernate touch the schema before the verifier does.
 *
 * @see ReversibilityExtension
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@ExtendWith(ReversibilityExtension.class)
public @interface ReversibilityTest {

	/**
	 * Properties for the test's environment, in {@code key=value} form. They replace the
	 * defaults, so keep {@code migrate.enabled=false} when adding your own.
	 * @return the properties
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default { "migrate.enabled=false", "spring.sql.init.mode=never",
			"spring.jpa.hibernate.ddl-auto=none" };

	/**
	 * Component classes to build the context from, as for
	 * {@link SpringBootTest#classes()}. Default: the application's
	 * {@code @SpringBootConfiguration}.
	 * @return the classes
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "classes")
	Class<?>[] classes() default {};

}
