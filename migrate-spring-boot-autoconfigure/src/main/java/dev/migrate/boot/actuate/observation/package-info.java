/**
 * Micrometer observations around each migration, so that traces show them.
 */
@NullMarked
package dev.migrate.boot.actuate.observation;

import org.jspecify.annotations.NullMarked;
