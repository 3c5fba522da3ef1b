/**
 * One-shot commands: {@code --migrate.command=<name>} runs one operation of the engine
 * instead of starting the application, prints a report and ends the process with an exit
 * code. Knows nothing of the auto-configuration, which plugs it into start-up through a
 * {@code MigrateMigrationStrategy}.
 */
@NullMarked
package dev.migrate.boot.autoconfigure.command;

import org.jspecify.annotations.NullMarked;
