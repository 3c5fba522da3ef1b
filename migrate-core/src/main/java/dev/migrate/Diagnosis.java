package dev.migrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.springframework.util.Assert;

/**
 * What the engine knows about a failure, in three parts: what happened, the state it left
 * the database in, and what resolves it. Parts refer to {@link Remedy remedies} instead
 * of naming them, so that a {@link Vocabulary} renders them in its users' terms.
 *
 * @param what what happened, naming the migration
 * @param stateLeft the state of the database and history now, such as "Nothing was
 * changed."
 * @param resolution what the user can do, with the remedies it refers to
 * @since 0.1.0
 */
public record Diagnosis(Text what, Text stateLeft, Text resolution) {

	/**
	 * A diagnosis that is only a sentence, for failures with nothing to add.
	 * @param what what happened
	 * @return the diagnosis
	 */
	public static Diagnosis of(String what) {
		return new Diagnosis(Text.of(what), Text.EMPTY, Text.EMPTY);
	}

	/**
	 * Render the diagnosis as one message: the non-empty parts, in order.
	 * @param vocabulary names of settings and operations
	 * @return the message
	 */
	public String render(Vocabulary vocabulary) {
		StringBuilder message = new StringBuilder();
		for (Text part : List.of(this.what, this.stateLeft, this.resolution)) {
			String text = part.render(vocabulary);
			if (!text.isEmpty()) {
				boolean newLine = message.isEmpty() || message.charAt(message.length() - 1) == '\n';
				message.append(newLine ? "" : " ").append(text);
			}
		}
		return message.toString();
	}

	/**
	 * The remedies the diagnosis refers to, in order.
	 * @return the remedies
	 */
	public List<Remedy> remedies() {
		List<Remedy> remedies = new ArrayList<>(this.what.remedies());
		remedies.addAll(this.stateLeft.remedies());
		remedies.addAll(this.resolution.remedies());
		return remedies;
	}

	/**
	 * A piece of a message: words, and remedies that a vocabulary names.
	 */
	public static final class Text {

		/** No text. */
		public static final Text EMPTY = new Text(List.of());

		private final List<Object> segments;

		private Text(List<Object> segments) {
			this.segments = segments;
		}

		/**
		 * Compose a text from segments, each a {@link Remedy} (named by the vocabulary),
		 * a {@link Text} or {@link Diagnosis} (rendered in the same vocabulary), or
		 * anything else (written as {@link String#valueOf(Object)}).
		 * @param segments the segments
		 * @return the text
		 */
		public static Text of(Object... segments) {
			Assert.notNull(segments, "'segments' must not be null");
			return new Text(Collections.unmodifiableList(Arrays.asList(segments.clone())));
		}

		/**
		 * This text followed by more segments.
		 * @param more the segments to add
		 * @return the longer text
		 */
		public Text append(Object... more) {
			List<Object> joined = new ArrayList<>(this.segments);
			joined.addAll(Arrays.asList(more));
			return new Text(Collections.unmodifiableList(joined));
		}

		/**
		 * Whether the text has no segments.
		 * @return {@code true} if empty
		 */
		public boolean isEmpty() {
			return this.segments.isEmpty();
		}

		/**
		 * Render the text.
		 * @param vocabulary names of settings and operations
		 * @return the text
		 */
		public String render(Vocabulary vocabulary) {
			StringBuilder text = new StringBuilder();
			for (Object segment : this.segments) {
				if (segment instanceof Remedy remedy) {
					text.append(vocabulary.name(remedy));
				}
				else if (segment instanceof Text nested) {
					text.append(nested.render(vocabulary));
				}
				else if (segment instanceof Diagnosis diagnosis) {
					text.append(diagnosis.render(vocabulary));
				}
				else {
					text.append(segment);
				}
			}
			return text.toString();
		}

		/**
		 * The remedies this text refers to, in order.
		 * @return the remedies
		 */
		public List<Remedy> remedies() {
			List<Remedy> remedies = new ArrayList<>();
			for (Object segment : this.segments) {
				if (segment instanceof Remedy remedy) {
					remedies.add(remedy);
				}
				else if (segment instanceof Text nested) {
					remedies.addAll(nested.remedies());
				}
				else if (segment instanceof Diagnosis diagnosis) {
					remedies.addAll(diagnosis.remedies());
				}
			}
			return remedies;
		}

		@Override
		public String toString() {
			return render(Vocabulary.ENGINE);
		}

	}

}
