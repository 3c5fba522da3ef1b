package dev.migrate.boot.actuate.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations migrate makes, with the keys their default convention adds. Low
 * cardinality keys become the tags of the timer that Micrometer derives from the
 * observation, so they take only a few values; everything that grows with the number of
 * migrations (version, description, bean) is high cardinality and reaches traces only.
 *
 * @since 0.1.0
 */
public enum MigrationObservationDocumentation implements ObservationDocumentation {

	/**
	 * One run of a migration's {@code up} or {@code down} method.
	 */
	MIGRATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultMigrationObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Keys with a few values each: safe as metric tags.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * Whether the migration was applied ({@code up}) or rolled back ({@code down}).
		 */
		DIRECTION {

			@Override
			public String asString() {
				return "direction";
			}

		},

		/**
		 * The database the migration ran on: {@code primary}, a name of
		 * {@code migrate.databases}, or the tenants' name (one for all tenants).
		 */
		DATABASE {

			@Override
			public String asString() {
				return "database";
			}

		},

		/**
		 * {@code success} or {@code failure}, added when the run has ended (the
		 * {@code .active} long task timer of running migrations does not have it).
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		}

	}

	/**
	 * Keys with one value per migration: for traces, never for metric tags.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * Version of the migration.
		 */
		VERSION {

			@Override
			public String asString() {
				return "version";
			}

		},

		/**
		 * Description of the migration.
		 */
		DESCRIPTION {

			@Override
			public String asString() {
				return "description";
			}

		},

		/**
		 * Name of the migration's bean.
		 */
		BEAN {

			@Override
			public String asString() {
				return "bean";
			}

		}

	}

}
