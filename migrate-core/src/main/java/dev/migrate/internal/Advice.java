package dev.migrate.internal;

import dev.migrate.Diagnosis.Text;
import dev.migrate.OperationResult.Operation;
import dev.migrate.Remedy;

/**
 * What to do in each situation the engine reports, in one place, so that the message
 * thrown at start-up, the report of a command and the validation of the history give the
 * same advice.
 */
public final class Advice {

	private Advice() {
	}

	/**
	 * A migration failed or was interrupted outside a transaction, so the database may
	 * hold part of its changes.
	 * @param migration the migration, as messages name it
	 * @param method the method that failed, "up" or "down"
	 * @param reversible whether the migration has a {@code down} method
	 * @return the advice
	 */
	public static Text partialChanges(String migration, String method, boolean reversible) {
		Text advice = Text.of("Either undo its partial changes by hand and run repair (", Remedy.run(Operation.REPAIR),
				")");
		if (reversible) {
			advice = advice.append(
					", or, if what it did holds no data you need, let migrate run its down method to" + " clean up (",
					Remedy.rollback(1), ")");
		}
		return advice.append("; then fix the " + method + " method of " + migration + " if needed and start again.");
	}

	/**
	 * The rollback of a migration failed or was interrupted outside a transaction, so the
	 * database may hold part of the rollback.
	 * @param migration the migration, as messages name it
	 * @return the advice
	 */
	public static Text interruptedRollback(String migration) {
		return Text
			.of("Either restore what the down method of " + migration + " removed and run repair (",
					Remedy.run(Operation.REPAIR),
					"): the migration then counts as applied again; or let migrate run its down method again to finish"
							+ " the rollback (",
					Remedy.rollback(1), "), if that method copes with the part already done.");
	}

	/**
	 * An applied migration is no longer in the code.
	 * @return the advice
	 */
	public static Text missing() {
		return Text.of("Restore its bean; or, if it was removed on purpose, run repair (", Remedy.run(Operation.REPAIR),
				") to drop it from the history (its schema changes stay).");
	}

	/**
	 * A migration failed inside a transaction that was rolled back.
	 * @param migration the migration, as messages name it
	 * @param method the method that failed, "up" or "down"
	 * @return the advice
	 */
	public static Text fixAndStartAgain(String migration, String method) {
		return Text.of("Fix the " + method + " method of " + migration + " and start again.");
	}

	/**
	 * Nothing was changed.
	 * @return the state
	 */
	public static Text nothingChanged() {
		return Text.of("Nothing was changed.");
	}

}
