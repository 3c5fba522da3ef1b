/**
 * Entities of the generator's proof scenarios, state "removed".
 */
@NullMarked
package dev.migrate.test.generate.removed;

import org.jspecify.annotations.NullMarked;
