/**
 * Database dialects: everything that differs between databases, chosen from the JDBC
 * metadata.
 */
@NullMarked
package dev.migrate.dialect;

import org.jspecify.annotations.NullMarked;
