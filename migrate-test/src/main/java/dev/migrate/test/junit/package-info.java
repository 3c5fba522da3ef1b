/**
 * JUnit Jupiter entry points: {@link dev.migrate.test.junit.ReversibilityTest} for Spring
 * Boot tests and {@link dev.migrate.test.junit.ReversibilityExtension} for any Spring
 * test, each handing a test method a {@link dev.migrate.test.ReversibilityVerifier} for
 * the application's own migrations and data source.
 */
@NullMarked
package dev.migrate.test.junit;

import org.jspecify.annotations.NullMarked;
