package dev.migrate.internal.operation;

import java.util.List;

import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.MigrateConfigurationException;
import dev.migrate.Remedy;
import dev.migrate.Setting;
import dev.migrate.Version;
import dev.migrate.history.HistoryRow;
import dev.migrate.internal.Advice;
import dev.migrate.resolver.ResolvedMigration;
import org.jspecify.annotations.Nullable;

/**
 * Versions given to operations, checked, and versions as messages show them.
 */
final class Versions {

	private Versions() {
	}

	static Version parse(String text, String what, Setting setting) {
		String problem = Version.problemWith(text);
		if (problem != null) {
			throw new MigrateConfigurationException(
					new Diagnosis(Text.of("Invalid " + what + " (", Remedy.change(setting), "): " + problem + "."),
							Advice.nothingChanged(), Text.EMPTY));
		}
		return Version.parse(text);
	}

	/**
	 * Check a target that migrations are applied up to: it must be a version in the code.
	 * @param migrations the migrations in the code
	 * @param target the target, or {@code null} for none
	 * @return the version, or {@code null}
	 */
	static @Nullable Version target(List<ResolvedMigration> migrations, @Nullable String target) {
		if (target == null) {
			return null;
		}
		Version targetVersion = parse(target, "target version", Setting.TARGET);
		if (migrations.stream().noneMatch((m) -> m.version().equals(targetVersion))) {
			throw new MigrateConfigurationException(
					new Diagnosis(
							Text.of("No migration has the target version " + target + " (",
									Remedy.change(Setting.TARGET), "). Known versions: " + known(migrations) + "."),
							Advice.nothingChanged(), Text.EMPTY));
		}
		return targetVersion;
	}

	static void checkSteps(int steps) {
		if (steps < 1) {
			throw new MigrateConfigurationException(
					new Diagnosis(
							Text.of("Cannot roll back " + steps + " steps (", Remedy.change(Setting.STEPS),
									"): give a number of migrations of at least 1."),
							Advice.nothingChanged(), Text.EMPTY));
		}
	}

	static String known(List<ResolvedMigration> migrations) {
		if (migrations.isEmpty()) {
			return "none";
		}
		List<String> versions = migrations.stream().map((m) -> m.version().toString()).toList();
		return (versions.size() <= 20) ? String.join(", ", versions) : String.join(", ", versions.subList(0, 10))
				+ ", ... , " + String.join(", ", versions.subList(versions.size() - 5, versions.size()));
	}

	static String of(List<HistoryRow> rows) {
		return rows.isEmpty() ? "none" : String.join(", ", rows.stream().map((r) -> r.version().toString()).toList());
	}

	static String display(@Nullable Version version) {
		return (version != null) ? version.toString() : "<empty>";
	}

}
