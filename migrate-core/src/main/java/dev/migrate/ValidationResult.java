package dev.migrate;

import java.util.List;

/**
 * Outcome of validating the code against the history table.
 *
 * @param problems each problem found, in the engine's vocabulary; empty when valid
 * @param diagnoses each problem found, with what resolves it
 * @param info the merged view that was validated
 * @since 0.1.0
 */
public record ValidationResult(List<String> problems, List<Diagnosis> diagnoses, InfoResult info) {

	/**
	 * Whether no problem was found.
	 * @return {@code true} if valid
	 */
	public boolean isValid() {
		return this.problems.isEmpty();
	}

}
