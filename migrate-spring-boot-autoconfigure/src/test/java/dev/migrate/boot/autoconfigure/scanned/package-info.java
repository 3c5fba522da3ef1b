/**
 * Migrations found by component scanning, counting their instances.
 */
@NullMarked
package dev.migrate.boot.autoconfigure.scanned;

import org.jspecify.annotations.NullMarked;
