/**
 * Health indicator that reports failed and pending migrations.
 */
@NullMarked
package dev.migrate.boot.actuate.health;

import org.jspecify.annotations.NullMarked;
