/**
 * A harness that runs the same migrations with migrate, Flyway, Liquibase and raw JDBC
 * and reports their times side by side.
 */
@NullMarked
package dev.migrate.benchmarks;

import org.jspecify.annotations.NullMarked;
