/**
 * Entities of the generator's proof scenarios, state "after".
 */
@NullMarked
package dev.migrate.test.generate.after;

import org.jspecify.annotations.NullMarked;
