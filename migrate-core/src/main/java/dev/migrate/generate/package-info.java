/**
 * Generating the next migration from the JPA entities: {@link SchemaComparator} compares
 * the mapping Hibernate built for the persistence unit with a
 * {@link dev.migrate.schema.SchemaSnapshot} of the migrated database and lists the
 * {@link SchemaDifference differences}, each with its {@code up} statements in the
 * database's dialect and the {@code down} statements that undo them;
 * {@link MigrationGenerator} writes them as one {@code @Migration} class. Needs
 * {@code hibernate-core} on the class path.
 */
@NullMarked
package dev.migrate.generate;

import org.jspecify.annotations.NullMarked;
