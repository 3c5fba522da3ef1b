/**
 * A migration of a second database that a test's build-time index lists.
 */
@NullMarked
package dev.migrate.boot.autoconfigure.indexeddatabases;

import org.jspecify.annotations.NullMarked;
