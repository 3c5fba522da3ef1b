/**
 * Micrometer metrics of migrate that are not observations: the wait for the migration
 * lock and the number of pending migrations. Each migration run is an observation (see
 * {@code dev.migrate.boot.actuate.observation}).
 */
@NullMarked
package dev.migrate.boot.actuate.metrics;

import org.jspecify.annotations.NullMarked;
