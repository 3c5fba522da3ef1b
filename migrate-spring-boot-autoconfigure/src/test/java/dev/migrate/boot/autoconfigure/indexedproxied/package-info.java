/**
 * A migration behind a proxy that a test's build-time index lists.
 */
@NullMarked
package dev.migrate.boot.autoconfigure.indexedproxied;

import org.jspecify.annotations.NullMarked;
