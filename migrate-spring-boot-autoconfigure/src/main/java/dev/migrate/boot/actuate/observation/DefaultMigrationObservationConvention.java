package dev.migrate.boot.actuate.observation;

import java.util.Locale;

import dev.migrate.boot.actuate.observation.MigrationObservationDocumentation.HighCardinalityKeyNames;
import dev.migrate.boot.actuate.observation.MigrationObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * Default {@link MigrationObservationConvention}: the observation is named
 * {@value #NAME}, which is also the name of the timer Micrometer records from it, and has
 * a contextual name such as {@code migrate up 3} for traces.
 * <ul>
 * <li>low cardinality keys: {@code direction} ({@code up}, {@code down}) and, once the
 * run has ended, {@code outcome} ({@code success}, {@code failure});</li>
 * <li>high cardinality keys: {@code version}, {@code description} and {@code bean}.</li>
 * </ul>
 *
 * @see MigrationObservationDocumentation
 * @since 0.1.0
 */
public class DefaultMigrationObservationConvention implements MigrationObservationConvention {

	/** Name of the observation, and of the timer recorded from it. */
	public static final String NAME = "migrate.migration";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(MigrationObservationContext context) {
		return "migrate " + direction(context) + " " + context.getMigration().version();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(MigrationObservationContext context) {
		KeyValues keyValues = KeyValues.of(LowCardinalityKeyNames.DIRECTION.withValue(direction(context)),
				LowCardinalityKeyNames.DATABASE.withValue(context.getDatabase()));
		return context.isFinished() ? keyValues.and(outcome(context)) : keyValues;
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(MigrationObservationContext context) {
		return KeyValues.of(HighCardinalityKeyNames.VERSION.withValue(context.getMigration().version().toString()),
				HighCardinalityKeyNames.DESCRIPTION.withValue(context.getMigration().description()),
				HighCardinalityKeyNames.BEAN.withValue(context.getMigration().beanName()));
	}

	/**
	 * The key value of the outcome of a run that has ended.
	 * @param context the context
	 * @return {@code outcome=failure} when the run threw, {@code outcome=success}
	 * otherwise
	 */
	protected KeyValue outcome(MigrationObservationContext context) {
		return LowCardinalityKeyNames.OUTCOME.withValue((context.getError() != null) ? "failure" : "success");
	}

	private static String direction(MigrationObservationContext context) {
		return context.getMigration().direction().name().toLowerCase(Locale.ROOT);
	}

}
