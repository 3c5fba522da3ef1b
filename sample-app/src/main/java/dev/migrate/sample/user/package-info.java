/**
 * Users: stored by the schema that migrations 1 and 4 create and seed.
 */
@NullMarked
package dev.migrate.sample.user;

import org.jspecify.annotations.NullMarked;
