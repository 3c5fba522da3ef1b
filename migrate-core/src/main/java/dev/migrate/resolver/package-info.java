/**
 * Discovery of {@link dev.migrate.Migration @Migration} beans: versions, descriptions,
 * the {@code up}/{@code down} methods with their parameters, and the fingerprints that
 * tell whether an applied migration has changed.
 */
@NullMarked
package dev.migrate.resolver;

import org.jspecify.annotations.NullMarked;
