package dev.migrate.test;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link ReversibilityVerifier#verify()} checked, returned when every migration
 * passed.
 *
 * @param migrations each migration walked, in version order
 * @param database the database product the migrations ran on
 * @param notChecked what the snapshots could not read because the account may not, one
 * line per category and schema; empty when everything was compared
 * @since 0.1.0
 */
public record ReversibilityReport(List<VerifiedMigration> migrations, String database, List<String> notChecked) {

	/**
	 * A report in which everything was checked.
	 * @param migrations each migration walked, in version order
	 * @param database the database product the migrations ran on
	 */
	public ReversibilityReport(List<VerifiedMigration> migrations, String database) {
		this(migrations, database, List.of());
	}

	/**
	 * The versions proved reversible.
	 * @return the versions, in order
	 */
	public List<String> reversibleVersions() {
		return this.migrations.stream().filter(VerifiedMigration::reversible).map(VerifiedMigration::version).toList();
	}

	/**
	 * The versions that have no {@code down} and were allowed to be irreversible; only
	 * their {@code up} ran.
	 * @return the versions, in order
	 */
	public List<String> irreversibleVersions() {
		return this.migrations.stream()
			.filter((migration) -> !migration.reversible())
			.map(VerifiedMigration::version)
			.toList();
	}

	@Override
	public String toString() {
		return this.migrations.size() + " migration(s) verified on " + this.database + ":\n"
				+ this.migrations.stream()
					.map((migration) -> "  " + migration.version() + " " + migration.description() + " (bean '"
							+ migration.beanName() + "'): "
							+ (migration.reversible() ? "down undoes up, up applies the same way twice"
									: "irreversible, allowed"))
					.collect(Collectors.joining("\n"))
				+ this.notChecked.stream()
					.map((category) -> "\n  not checked: " + category)
					.collect(Collectors.joining());
	}

	/**
	 * One migration the verifier walked.
	 *
	 * @param version the version
	 * @param description the description
	 * @param beanName the bean name
	 * @param reversible whether it has a {@code down} method, which was then proved to
	 * undo its {@code up}
	 */
	public record VerifiedMigration(String version, String description, String beanName, boolean reversible) {

	}

}
