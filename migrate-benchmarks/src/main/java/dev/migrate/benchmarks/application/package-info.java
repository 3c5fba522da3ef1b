/**
 * The package of the benchmark application's own components, which every Boot set-up
 * scans.
 */
@NullMarked
package dev.migrate.benchmarks.application;

import org.jspecify.annotations.NullMarked;
