/**
 * The structure of a live database schema: {@link dev.migrate.schema.SchemaSnapshot}
 * reads it (tables, columns, keys, constraints, indexes, sequences and, where the
 * database has them, triggers, routines and more) through JDBC metadata and per-database
 * catalog queries, both as a list of comparable {@link dev.migrate.schema.SchemaObject
 * objects} and as {@link dev.migrate.schema.SchemaSnapshot#tables() structured tables};
 * {@link dev.migrate.schema.SchemaDiff} explains how two snapshots differ. Used by
 * migrate-test's reversibility verifier and by the generator of migrations.
 */
@NullMarked
package dev.migrate.schema;

import org.jspecify.annotations.NullMarked;
