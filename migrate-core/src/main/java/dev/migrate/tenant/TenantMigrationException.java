package dev.migrate.tenant;

import java.util.List;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.MigrateException;
import dev.migrate.Remedy;
import dev.migrate.Setting;
import dev.migrate.Vocabulary;
import org.jspecify.annotations.Nullable;

/**
 * The migration of all tenants ended with tenants failed or not started. Every tenant's
 * outcome, the failed ones with their errors, is in {@link #getResult()}.
 *
 * @since 0.2.0
 */
public class TenantMigrationException extends MigrateException {

	private static final int LISTED = 10;

	private final TenantMigrationResult result;

	/**
	 * Create the exception of a result with failed tenants.
	 * @param result the result
	 * @param policy the failure policy it ran with
	 * @param vocabulary how the tenants' own errors name settings and operations
	 */
	public TenantMigrationException(TenantMigrationResult result, FailurePolicy policy, Vocabulary vocabulary) {
		super(diagnosis(result, policy, vocabulary), firstError(result));
		this.result = result;
	}

	/**
	 * Every tenant's outcome.
	 * @return the result
	 */
	public TenantMigrationResult getResult() {
		return this.result;
	}

	private static Diagnosis diagnosis(TenantMigrationResult result, FailurePolicy policy, Vocabulary vocabulary) {
		List<TenantOutcome> failed = result.failed();
		StringBuilder what = new StringBuilder();
		what.append(failed.size())
			.append(" of ")
			.append(result.outcomes().size())
			.append(" tenant(s) failed to migrate");
		failed.stream()
			.limit(LISTED)
			.forEach((outcome) -> what.append("\n  - ")
				.append(outcome.tenant())
				.append(": ")
				.append(firstLine(outcome.errorMessage(vocabulary))));
		if (failed.size() > LISTED) {
			what.append("\n  - and ").append(failed.size() - LISTED).append(" more");
		}
		StringBuilder state = new StringBuilder();
		state.append(result.migrated().size() + result.upToDate().size())
			.append(" tenant(s) are migrated or were up to date; each failed tenant is in the state its error describes.");
		if (!result.notStarted().isEmpty()) {
			state.append(" ")
				.append(result.notStarted().size())
				.append(" tenant(s) were not started, as the failure policy is stop; they are as they were.");
		}
		Text resolution = Text.of("Fix what failed and migrate again: tenants already up to date are skipped.");
		if (policy == FailurePolicy.STOP) {
			resolution = resolution.append(" To migrate the other tenants despite a failed one, set ",
					Remedy.change(Setting.TENANT_FAILURE_POLICY, "continue"), ".");
		}
		if (what.charAt(what.length() - 1) != '.') {
			what.append('.');
		}
		return new Diagnosis(Text.of(what.toString()), Text.of(state.toString()), resolution);
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "failed without a message";
		}
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

	private static @Nullable Throwable firstError(TenantMigrationResult result) {
		return result.failed()
			.stream()
			.map(TenantOutcome::error)
			.filter((error) -> error != null)
			.findFirst()
			.orElse(null);
	}

}
