/**
 * The build-time index of migrations: an annotation processor that lists every
 * {@link dev.migrate.Migration @Migration} class of a compilation in
 * {@code META-INF/migrate/migrations.index}, and its reader, which describes the listed
 * migrations to the engine without scanning for them or loading their classes.
 */
@NullMarked
package dev.migrate.index;

import org.jspecify.annotations.NullMarked;
