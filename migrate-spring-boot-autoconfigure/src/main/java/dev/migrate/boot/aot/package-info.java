/**
 * Ahead-of-time processing for migrate: what a GraalVM native image needs to find, call
 * and fingerprint {@link dev.migrate.Migration @Migration} beans.
 */
@NullMarked
package dev.migrate.boot.aot;

import org.jspecify.annotations.NullMarked;
