/**
 * Micrometer observation of each migration run: one timer per run with a meter registry,
 * one span with a tracer.
 * {@link dev.migrate.boot.actuate.observation.MigrationObservationConvention} names it
 * and chooses its keys.
 */
@NullMarked
package dev.migrate.boot.actuate.observation;

import org.jspecify.annotations.NullMarked;
