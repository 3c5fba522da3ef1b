package dev.migrate;

import java.util.Locale;

import dev.migrate.OperationResult.Operation;
import dev.migrate.Remedy.Change;
import dev.migrate.Remedy.Run;

/**
 * Names settings and operations in the terms of those who use the engine. The engine's
 * own names {@link Migrator} methods and {@link Migrator.Builder} settings; the Spring
 * Boot starter names its properties and {@code --migrate.command} commands. Set one with
 * {@link Migrator.Builder#vocabulary(Vocabulary)}.
 *
 * @since 0.1.0
 */
public interface Vocabulary {

	/**
	 * The engine's own names: {@code Migrator.repair()},
	 * {@code Migrator.Builder.lockTimeout(Duration)}.
	 */
	Vocabulary ENGINE = new Vocabulary() {

		@Override
		public String setting(Setting setting) {
			return switch (setting) {
				case TARGET -> "the target version argument";
				case STEPS -> "the steps argument";
				case USER, CONNECTION -> "the DataSource given to Migrator.builder";
				case TENANTS -> "the TenantSource given to TenantMigrator.builder";
				case TENANT_FAILURE_POLICY -> "TenantMigrator.Builder.failurePolicy(...)";
				default -> "Migrator.Builder." + builderMethod(setting) + "(...)";
			};
		}

		@Override
		public String assignment(Setting setting, String value) {
			return switch (setting) {
				case TARGET, STEPS, USER, CONNECTION, TENANTS -> setting(setting) + " " + value;
				case TENANT_FAILURE_POLICY ->
					"TenantMigrator.Builder.failurePolicy(FailurePolicy." + value.toUpperCase(Locale.ROOT) + ")";
				default -> "Migrator.Builder." + builderMethod(setting) + "(" + value + ")";
			};
		}

		@Override
		public String operation(Run run) {
			String method = run.operation().name().toLowerCase(Locale.ROOT);
			if (run.steps() != null) {
				return "Migrator." + method + "(" + run.steps() + ")";
			}
			if (run.target() != null) {
				return "Migrator." + ((run.operation() == Operation.ROLLBACK) ? "rollbackTo" : method) + "(\""
						+ run.target() + "\")";
			}
			return "Migrator." + method + "()";
		}

		private String builderMethod(Setting setting) {
			String[] words = setting.name().toLowerCase(Locale.ROOT).split("_");
			StringBuilder name = new StringBuilder(words[0]);
			for (int i = 1; i < words.length; i++) {
				name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
			}
			return name.toString();
		}

	};

	/**
	 * Name a setting.
	 * @param setting the setting
	 * @return its name, such as "migrate.lock-timeout"
	 */
	String setting(Setting setting);

	/**
	 * Name a setting with the value to give it.
	 * @param setting the setting
	 * @param value the value
	 * @return the assignment, such as "migrate.out-of-order=true"
	 */
	String assignment(Setting setting, String value);

	/**
	 * Name how to run an operation.
	 * @param run the operation with its arguments
	 * @return how to run it, such as "--migrate.command=repair"
	 */
	String operation(Run run);

	/**
	 * Name a remedy.
	 * @param remedy the remedy
	 * @return its name in this vocabulary
	 */
	default String name(Remedy remedy) {
		if (remedy instanceof Run run) {
			return operation(run);
		}
		Change change = (Change) remedy;
		return (change.value() != null) ? assignment(change.setting(), change.value()) : setting(change.setting());
	}

}
