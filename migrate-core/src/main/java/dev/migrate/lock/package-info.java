/**
 * The migration lock: PostgreSQL advisory locks, MySQL/MariaDB named locks, and a lock
 * row with a lease elsewhere.
 */
@NullMarked
package dev.migrate.lock;

import org.jspecify.annotations.NullMarked;
