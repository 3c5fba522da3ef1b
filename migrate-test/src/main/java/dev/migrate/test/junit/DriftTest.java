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
 * A Spring Boot test that the JPA entities match the application's migrations: starts the
 * application context without a web server and without running migrations, and lets test
 * methods take a {@link dev.migrate.test.DriftCheck} for the context's
 * {@link dev.migrate.Migration @Migration} beans, {@code EntityManagerFactory} and
 * {@code DataSource}:
 *
 * <pre class="code">
 * &#64;DriftTest
 * class EntitiesMatchMigrationsTests {
 *
 *     &#64;Test
 *     void noEntityDriftedFromTheMigrations(DriftCheck check) {
 *         check.check();
 *     }
 *
 * }
 * </pre>
 *
 * The test's database must start empty, as an embedded database does. Sets
 * {@code migrate.enabled=false}, {@code spring.sql.init.mode=never} and
 * {@code spring.jpa.hibernate.ddl-auto=none}, so that the check applies the migrations
 * itself and Hibernate does not touch the schema.
 *
 * @see DriftExtension
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@ExtendWith(DriftExtension.class)
public @interface DriftTest {

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
