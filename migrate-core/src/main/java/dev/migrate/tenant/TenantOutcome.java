package dev.migrate.tenant;

import java.time.Duration;

import dev.migrate.MigrateException;
import dev.migrate.Version;
import dev.migrate.Vocabulary;
import org.jspecify.annotations.Nullable;

/**
 * What the migration of all tenants did to one tenant.
 *
 * @param tenant the tenant's name
 * @param status what happened
 * @param versionBefore the tenant's version before, or {@code null} when nothing was
 * applied or it was not read
 * @param version the tenant's version after, or {@code null} when nothing is applied
 * @param applied how many migrations this instance applied to it
 * @param deferrals how many times its lock was held by another instance, and it was put
 * back in the queue
 * @param error why it failed, or {@code null}
 * @param time how long this instance worked on it, waits in the queue excluded
 * @since 0.2.0
 */
public record TenantOutcome(String tenant, Status status, @Nullable Version versionBefore, @Nullable Version version,
		int applied, int deferrals, @Nullable Throwable error, Duration time) {

	/**
	 * The error's message, in a vocabulary for migrate's own errors.
	 * @param vocabulary how to name settings and operations
	 * @return the message, or {@code null} when the tenant did not fail
	 */
	public @Nullable String errorMessage(Vocabulary vocabulary) {
		Throwable failure = this.error;
		if (failure == null) {
			return null;
		}
		String message = (failure instanceof MigrateException migrate) ? migrate.getMessage(vocabulary)
				: failure.getMessage();
		return (message != null) ? message : failure.getClass().getName();
	}

	/**
	 * What happened to a tenant.
	 */
	public enum Status {

		/** This instance applied at least one migration. */
		MIGRATED,

		/**
		 * Nothing was pending when this instance looked, possibly because another
		 * instance migrated it meanwhile.
		 */
		UP_TO_DATE,

		/** Its migration failed; the error says what state it was left in. */
		FAILED,

		/**
		 * Not started: another tenant failed first under {@link FailurePolicy#STOP}.
		 */
		NOT_STARTED

	}

}
