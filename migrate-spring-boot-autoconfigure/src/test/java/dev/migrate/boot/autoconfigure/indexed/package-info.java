/**
 * Migrations that a test's build-time index lists.
 */
@NullMarked
package dev.migrate.boot.autoconfigure.indexed;

import org.jspecify.annotations.NullMarked;
