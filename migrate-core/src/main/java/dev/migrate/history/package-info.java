/**
 * The history table, {@code migrate_history} by default: what was applied, when, by whom,
 * and what was rolled back.
 */
@NullMarked
package dev.migrate.history;

import org.jspecify.annotations.NullMarked;
