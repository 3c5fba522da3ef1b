package dev.migrate;

import org.jspecify.annotations.Nullable;

/**
 * Base class of the errors migrate reports. Each carries a {@link Diagnosis}: what
 * happened, to which migration, the state left, and what to do next, with the settings
 * and operations that resolve it named by a {@link Vocabulary}: {@link Migrator} methods
 * by default, Spring Boot properties and commands in the starter.
 *
 * @since 0.1.0
 */
public class MigrateException extends RuntimeException {

	private final Diagnosis diagnosis;

	private volatile Vocabulary vocabulary = Vocabulary.ENGINE;

	public MigrateException(String message) {
		this(Diagnosis.of(message), null);
	}

	public MigrateException(String message, @Nullable Throwable cause) {
		this(Diagnosis.of(message), cause);
	}

	public MigrateException(Diagnosis diagnosis, @Nullable Throwable cause) {
		super(null, cause);
		this.diagnosis = diagnosis;
	}

	/**
	 * What the engine knows about the failure.
	 * @return the diagnosis
	 */
	public Diagnosis getDiagnosis() {
		return this.diagnosis;
	}

	/**
	 * The message in the vocabulary the engine was configured with.
	 * @return the message
	 */
	@Override
	public String getMessage() {
		return getMessage(this.vocabulary);
	}

	/**
	 * The message in a given vocabulary.
	 * @param vocabulary names of settings and operations
	 * @return the message
	 */
	public String getMessage(Vocabulary vocabulary) {
		return this.diagnosis.render(vocabulary);
	}

	/**
	 * The vocabulary {@link #getMessage()} uses.
	 * @return the vocabulary
	 */
	protected Vocabulary getVocabulary() {
		return this.vocabulary;
	}

	/**
	 * Name settings and operations in {@link #getMessage()} with another vocabulary. The
	 * engine calls it before the exception leaves {@link Migrator}.
	 * @param vocabulary the vocabulary
	 * @return this exception
	 */
	public MigrateException inVocabulary(Vocabulary vocabulary) {
		this.vocabulary = vocabulary;
		return this;
	}

}
