package dev.migrate.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * How an actual {@link SchemaSnapshot} differs from an expected one, one readable line
 * per difference:
 *
 * <pre class="code">
 * column reports.approved BOOLEAN NOT NULL DEFAULT false is still there
 * index users_email_idx on users(email) is missing
 * column users.email VARCHAR(100) NOT NULL is now VARCHAR(50) NULL
 * </pre>
 *
 * A table that is missing or still there is one line, listing its columns, rather than
 * one line per column, key and index. Obtain one with
 * {@link SchemaSnapshot#diff(SchemaSnapshot)}.
 *
 * @since 0.1.0
 */
public final class SchemaDiff {

	/**
	 * How a difference names an object that the expected snapshot lacks: it {@value}.
	 */
	public static final String STILL_THERE = "is still there";

	private final List<Difference> differences;

	private SchemaDiff(List<Difference> differences) {
		this.differences = List.copyOf(differences);
	}

	/**
	 * Compare two snapshots.
	 * @param expected the expected state
	 * @param actual the state to check
	 * @param extraPhrase how to describe an object that only {@code actual} has, such as
	 * {@link #STILL_THERE} or {@code "is new"}
	 * @return the differences
	 */
	public static SchemaDiff between(SchemaSnapshot expected, SchemaSnapshot actual, String extraPhrase) {
		Map<String, SchemaObject> expectedObjects = byIdentity(expected.objects());
		Map<String, SchemaObject> actualObjects = byIdentity(actual.objects());
		List<Difference> differences = new ArrayList<>();
		for (SchemaObject object : expected.objects()) {
			SchemaObject counterpart = actualObjects.get(object.identity());
			if (counterpart == null) {
				if (!belongsToTable(object, actualObjects, expectedObjects)) {
					differences.add(new Difference(Type.MISSING, object, null,
							describeWhole(object, expected) + " is missing"));
				}
			}
			else if (!counterpart.description().equals(object.description())) {
				String now = counterpart.label().equals(object.label()) ? counterpart.definition()
						: counterpart.description();
				differences
					.add(new Difference(Type.CHANGED, object, counterpart, object.description() + " is now " + now));
			}
			else if (object.kind() == SchemaObject.Kind.TABLE) {
				List<String> expectedOrder = expected.columnOrder(object.table());
				List<String> actualOrder = actual.columnOrder(object.table());
				// Only a reordering; added or dropped columns have lines of their own.
				if (!expectedOrder.equals(actualOrder)
						&& new TreeSet<>(expectedOrder).equals(new TreeSet<>(actualOrder))) {
					differences.add(new Difference(Type.CHANGED, object, counterpart,
							"columns of " + object.label() + " are now in the order (" + String.join(", ", actualOrder)
									+ "), expected (" + String.join(", ", expectedOrder) + ")"));
				}
			}
		}
		for (SchemaObject object : actual.objects()) {
			if (!expectedObjects.containsKey(object.identity())
					&& !belongsToTable(object, expectedObjects, actualObjects)) {
				differences
					.add(new Difference(Type.EXTRA, null, object, describeWhole(object, actual) + " " + extraPhrase));
			}
		}
		return new SchemaDiff(differences);
	}

	private static Map<String, SchemaObject> byIdentity(List<SchemaObject> objects) {
		Map<String, SchemaObject> byIdentity = new LinkedHashMap<>();
		objects.forEach((object) -> byIdentity.put(object.identity(), object));
		return byIdentity;
	}

	/**
	 * Whether the object is part of a table that the other snapshot lacks as a whole, so
	 * the table's own line already covers it.
	 */
	private static boolean belongsToTable(SchemaObject object, Map<String, SchemaObject> other,
			Map<String, SchemaObject> own) {
		if (object.kind() == SchemaObject.Kind.TABLE || object.table() == null) {
			return false;
		}
		String tableIdentity = SnapshotReader.tableIdentity(object.table());
		return own.containsKey(tableIdentity) && !other.containsKey(tableIdentity);
	}

	private static String describeWhole(SchemaObject object, SchemaSnapshot snapshot) {
		if (object.kind() != SchemaObject.Kind.TABLE) {
			return object.description();
		}
		String columns = snapshot.objects()
			.stream()
			.filter((candidate) -> candidate.kind() == SchemaObject.Kind.COLUMN
					&& Objects.equals(candidate.table(), object.table()))
			.map((column) -> column.label().substring(column.label().lastIndexOf('.') + 1) + " " + column.definition())
			.collect(Collectors.joining(", "));
		return object.description() + " (" + columns + ")";
	}

	/**
	 * Whether the two snapshots describe the same schema.
	 * @return {@code true} if nothing differs
	 */
	public boolean isEmpty() {
		return this.differences.isEmpty();
	}

	/**
	 * The differences, expected objects first in snapshot order, then unexpected ones.
	 * @return the differences
	 */
	public List<Difference> differences() {
		return this.differences;
	}

	/**
	 * One readable line per difference.
	 * @return the lines
	 */
	public List<String> lines() {
		return this.differences.stream().map(Difference::description).toList();
	}

	/**
	 * The differences, one per line, or {@code "no differences"}.
	 * @return the lines joined by newlines
	 */
	@Override
	public String toString() {
		return isEmpty() ? "no differences" : String.join("\n", lines());
	}

	/**
	 * How an object differs.
	 */
	public enum Type {

		/** Expected but not there. */
		MISSING,

		/** There but not expected. */
		EXTRA,

		/** There, but defined differently. */
		CHANGED

	}

	/**
	 * One difference.
	 *
	 * @param type how the object differs
	 * @param expected the object as expected, or {@code null} if it was not expected
	 * @param actual the object as found, or {@code null} if it is missing
	 * @param description the readable line
	 */
	public record Difference(Type type, @Nullable SchemaObject expected, @Nullable SchemaObject actual,
			String description) {

		@Override
		public String toString() {
			return this.description;
		}

	}

}
