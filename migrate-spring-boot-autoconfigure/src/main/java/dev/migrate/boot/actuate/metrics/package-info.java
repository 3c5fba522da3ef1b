/**
 * Micrometer metrics of migrate: migration timings, lock wait and pending migrations.
 */
@NullMarked
package dev.migrate.boot.actuate.metrics;

import org.jspecify.annotations.NullMarked;
