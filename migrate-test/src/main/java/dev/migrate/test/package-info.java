/**
 * Proves that migrations are reversible: {@link dev.migrate.schema.SchemaSnapshot} (in
 * migrate-core) reads a schema from the live database,
 * {@link dev.migrate.schema.SchemaDiff} explains how two snapshots differ, and
 * {@link dev.migrate.test.ReversibilityVerifier} runs every migration up, down and up
 * again, failing on the first one whose {@code down} does not undo its {@code up}.
 */
@NullMarked
package dev.migrate.test;

import dev.migrate.schema.SchemaDiff;
import dev.migrate.schema.SchemaSnapshot;

import org.jspecify.annotations.NullMarked;
