/**
 * A typical Spring Boot application (JPA, web) for the whole-application start benchmark;
 * on the class path only in that benchmark's {@code boot-jpa} part.
 */
@NullMarked
package dev.migrate.benchmarks.jpa;

import org.jspecify.annotations.NullMarked;
