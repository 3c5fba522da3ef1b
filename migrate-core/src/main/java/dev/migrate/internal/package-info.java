/**
 * The engine's inner parts: merging code with history into states, and running migrations
 * in transactions. Not API: use {@link dev.migrate.Migrator}.
 */
@NullMarked
package dev.migrate.internal;

import org.jspecify.annotations.NullMarked;
