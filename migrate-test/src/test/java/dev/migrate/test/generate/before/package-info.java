/**
 * Entities of the generator's proof scenarios, state "before".
 */
@NullMarked
package dev.migrate.test.generate.before;

import org.jspecify.annotations.NullMarked;
