/**
 * Discovery of {@link dev.migrate.Migration @Migration} beans: versions, descriptions,
 * checksums and the {@code up}/{@code down} methods with their parameters.
 */
@NullMarked
package dev.migrate.resolver;

import org.jspecify.annotations.NullMarked;
