package dev.migrate.schema;

/**
 * One sequence of a {@link SchemaSnapshot} as structured data.
 *
 * @param name the sequence name, as the snapshot shows it
 * @param start the start value, as the database reports it
 * @param increment the increment, as the database reports it
 * @since 0.1.0
 */
public record SchemaSequence(String name, String start, String increment) {

}
