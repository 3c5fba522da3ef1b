/**
 * One class per operation of the engine (migrate, rollback, redo, baseline, repair,
 * validate, info, plan), sharing the under-lock routine of {@link LockedRun}.
 */
@NullMarked
package dev.migrate.internal.operation;

import org.jspecify.annotations.NullMarked;
