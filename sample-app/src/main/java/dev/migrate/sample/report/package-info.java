/**
 * Used-car reports, belonging to users.
 */
@NullMarked
package dev.migrate.sample.report;

import org.jspecify.annotations.NullMarked;
