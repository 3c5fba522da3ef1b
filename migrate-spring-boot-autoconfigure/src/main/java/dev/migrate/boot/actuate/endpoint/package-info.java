/**
 * Actuator endpoint that shows the migrations of every migrated data source.
 */
@NullMarked
package dev.migrate.boot.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
