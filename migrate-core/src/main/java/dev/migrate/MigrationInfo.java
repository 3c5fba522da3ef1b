package dev.migrate;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One migration as seen by merging the code with the history table.
 *
 * @param version the version
 * @param description the description (from the code when present, else from the history)
 * @param state the state
 * @param beanName the bean name, from the code or the history
 * @param className the bean class name, from the code or the history
 * @param checksum the checksum recorded when applied, else that of the code
 * @param reversible whether the code has a {@code down} method (false when the bean is
 * gone)
 * @param installedRank the order in which it was applied, if applied
 * @param installedBy who applied it, if applied
 * @param installedOn when it was applied, if applied
 * @param executionTime how long it took, if applied
 * @param rolledBackBy who last rolled it back, if rolled back
 * @param rolledBackOn when it was last rolled back, if rolled back
 * @param errorMessage the error of a failed migration
 * @since 0.1.0
 */
public record MigrationInfo(Version version, String description, MigrationState state, @Nullable String beanName,
		@Nullable String className, @Nullable String checksum, boolean reversible, @Nullable Integer installedRank,
		@Nullable String installedBy, @Nullable Instant installedOn, @Nullable Duration executionTime,
		@Nullable String rolledBackBy, @Nullable Instant rolledBackOn, @Nullable String errorMessage) {

}
