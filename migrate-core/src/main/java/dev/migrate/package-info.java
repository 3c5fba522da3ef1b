/**
 * migrate's public API: the {@link dev.migrate.Migration @Migration} annotation, the
 * {@link dev.migrate.MigrationContext} a migration can take, and the
 * {@link dev.migrate.Migrator} engine that applies, rolls back and reports migrations.
 */
@NullMarked
package dev.migrate;

import org.jspecify.annotations.NullMarked;
