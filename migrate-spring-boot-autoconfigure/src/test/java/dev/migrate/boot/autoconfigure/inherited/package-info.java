/**
 * Migrations found by component scanning whose {@code down} methods are inherited, or
 * absent, counting their instances.
 */
@NullMarked
package dev.migrate.boot.autoconfigure.inherited;

import org.jspecify.annotations.NullMarked;
