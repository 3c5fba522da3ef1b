/**
 * Spring Boot auto-configuration for migrate: runs the {@code @Migration} beans of the
 * application during start-up, or one operation of {@code migrate.command}.
 */
@NullMarked
package dev.migrate.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
