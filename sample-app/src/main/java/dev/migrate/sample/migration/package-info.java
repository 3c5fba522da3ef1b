/**
 * The application's migrations, one {@code @Migration} bean per schema change, each with
 * a {@code down} that undoes it.
 */
@NullMarked
package dev.migrate.sample.migration;

import org.jspecify.annotations.NullMarked;
