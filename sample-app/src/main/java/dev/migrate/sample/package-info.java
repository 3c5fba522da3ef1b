/**
 * The sample application: users post used-car reports; migrate owns the schema.
 */
@NullMarked
package dev.migrate.sample;

import org.jspecify.annotations.NullMarked;
