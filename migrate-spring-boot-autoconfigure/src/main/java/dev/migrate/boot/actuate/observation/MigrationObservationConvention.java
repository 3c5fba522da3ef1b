package dev.migrate.boot.actuate.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} of the observation around each run of a migration.
 * Declare a bean of this type to replace {@link DefaultMigrationObservationConvention},
 * for example to add a key value; extending the default keeps its name and keys.
 *
 * @see MigrationObservationDocumentation
 * @since 0.1.0
 */
public interface MigrationObservationConvention extends ObservationConvention<MigrationObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof MigrationObservationContext;
	}

}
