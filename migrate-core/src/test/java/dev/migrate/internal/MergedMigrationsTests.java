package dev.migrate.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.migrate.Migration;
import dev.migrate.Diagnosis;
import dev.migrate.MigrationInfo;
import dev.migrate.MigrationState;
import dev.migrate.TransactionMode;
import dev.migrate.Version;
import dev.migrate.Vocabulary;
import dev.migrate.history.HistoryRow;
import dev.migrate.history.HistoryStatus;
import dev.migrate.history.HistoryType;
import dev.migrate.resolver.MigrationResolver;
import dev.migrate.resolver.ResolvedMigration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * Tests for {@link MergedMigrations}: how migrations in the code and history rows merge
 * into states, what the next migrate or rollback picks from them, and what validation
 * reports. No database: the history is a list of {@link HistoryRow}s.
 * <p>
 * In the tables, the code is a list of versions; the history is a list of rows
 * {@code "version TYPE STATUS"}, in the order written (installed rank 1, 2, …); the
 * expected view is {@code "version=STATE"} for each listed migration, in version order.
 */
class MergedMigrationsTests {

	private static final Instant INSTALLED_ON = Instant.parse("2026-03-01T10:00:00Z");

	private static final Instant ROLLED_BACK_ON = Instant.parse("2026-03-02T11:00:00Z");

	private static final ResolvedMigration TEMPLATE = MigrationResolver.resolve(List.of(new Reversible())).get(0);

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					nothing applied                            | 1 2     |                                                   | 1=PENDING 2=PENDING
					applied                                    | 1 2     | 1 MIGRATION SUCCESS                               | 1=APPLIED 2=PENDING
					failed                                     | 1 2     | 1 MIGRATION SUCCESS, 2 MIGRATION FAILED           | 1=APPLIED 2=FAILED
					started outside a transaction, unfinished  | 1 2     | 1 MIGRATION SUCCESS, 2 MIGRATION RUNNING          | 1=APPLIED 2=FAILED
					down started, unfinished                   | 1 2     | 1 MIGRATION SUCCESS, 2 MIGRATION ROLLING_BACK     | 1=APPLIED 2=FAILED
					failed, then removed from the code         | 1       | 1 MIGRATION SUCCESS, 2 MIGRATION FAILED           | 1=APPLIED 2=FAILED
					rolled back                                | 1 2     | 1 MIGRATION SUCCESS, 2 MIGRATION ROLLED_BACK      | 1=APPLIED 2=ROLLED_BACK
					rolled back, then removed from the code    | 1       | 1 MIGRATION SUCCESS, 2 MIGRATION ROLLED_BACK      | 1=APPLIED
					latest row wins: re-applied after rollback | 1       | 1 MIGRATION SUCCESS, 1 MIGRATION ROLLED_BACK, 1 MIGRATION SUCCESS | 1=APPLIED
					latest row wins: rolled back after failure | 1       | 1 MIGRATION FAILED, 1 MIGRATION ROLLED_BACK       | 1=ROLLED_BACK
					missing: applied, bean gone, below latest  | 1 3     | 1 MIGRATION SUCCESS, 2 MIGRATION SUCCESS, 3 MIGRATION SUCCESS | 1=APPLIED 2=MISSING 3=APPLIED
					future: applied, above every version here  | 1 2     | 1 MIGRATION SUCCESS, 2 MIGRATION SUCCESS, 3 MIGRATION SUCCESS | 1=APPLIED 2=APPLIED 3=FUTURE
					future: no migration in the code at all    |         | 1 MIGRATION SUCCESS                               | 1=FUTURE
					out of order: pending below latest applied | 1 2 3   | 1 MIGRATION SUCCESS, 3 MIGRATION SUCCESS          | 1=APPLIED 2=OUT_OF_ORDER 3=APPLIED
					out of order below a future migration      | 1 2     | 1 MIGRATION SUCCESS, 3 MIGRATION SUCCESS          | 1=APPLIED 2=OUT_OF_ORDER 3=FUTURE
					failed latest row does not count as applied| 1 2 3   | 1 MIGRATION SUCCESS, 3 MIGRATION FAILED           | 1=APPLIED 2=PENDING 3=FAILED
					rolled back latest does not count          | 1 2 3   | 1 MIGRATION SUCCESS, 3 MIGRATION SUCCESS, 3 MIGRATION ROLLED_BACK | 1=APPLIED 2=PENDING 3=ROLLED_BACK
					rolled back below the latest applied       | 1 2 3   | 1 MIGRATION SUCCESS, 3 MIGRATION SUCCESS, 2 MIGRATION SUCCESS, 2 MIGRATION ROLLED_BACK | 1=APPLIED 2=ROLLED_BACK 3=APPLIED
					baseline at a version in the code          | 1 2 3   | 2 BASELINE SUCCESS                                | 1=BELOW_BASELINE 2=BASELINE 3=PENDING
					baseline at a version not in the code      | 1 3 5   | 4 BASELINE SUCCESS                                | 1=BELOW_BASELINE 3=BELOW_BASELINE 4=BASELINE 5=PENDING
					baseline, then applied above it            | 1 3 5   | 2 BASELINE SUCCESS, 3 MIGRATION SUCCESS           | 1=BELOW_BASELINE 2=BASELINE 3=APPLIED 5=PENDING
					equal versions merge: 1.0 in code, 1 in history | 1.0 2 | 1 MIGRATION SUCCESS                             | 1.0=APPLIED 2=PENDING
					numeric order, not text order              | 2 10 9  | 2 MIGRATION SUCCESS                               | 2=APPLIED 9=PENDING 10=PENDING
					history-only versions between the code's   | 2 4 6   | 7 MIGRATION SUCCESS, 1 MIGRATION SUCCESS, 5 MIGRATION SUCCESS, 3 MIGRATION SUCCESS | 1=MISSING 2=OUT_OF_ORDER 3=MISSING 4=OUT_OF_ORDER 5=MISSING 6=OUT_OF_ORDER 7=FUTURE
					history-only versions with code out of order | 10 2 9 | 11 MIGRATION SUCCESS, 1 MIGRATION SUCCESS, 9.5 MIGRATION SUCCESS | 1=MISSING 2=OUT_OF_ORDER 9=OUT_OF_ORDER 9.5=MISSING 10=OUT_OF_ORDER 11=FUTURE
					carried over from Flyway, no bean          | 3       | 1 MIGRATION SUCCESS flyway:11, 2 MIGRATION SUCCESS flyway:none | 1=BASELINE 2=BASELINE 3=PENDING
					carried over from Flyway, replaced by beans| 1 2 3   | 1 MIGRATION SUCCESS flyway:11, 2 MIGRATION SUCCESS flyway:22 | 1=APPLIED 2=APPLIED 3=PENDING
					Flyway baseline, then carried over         | 1 3     | 1 BASELINE SUCCESS flyway:none, 2 MIGRATION SUCCESS flyway:22 | 1=BASELINE 2=BASELINE 3=PENDING
					carried over below a bean Flyway never ran | 1 2 3   | 1 MIGRATION SUCCESS flyway:11, 3 MIGRATION SUCCESS flyway:33 | 1=APPLIED 2=OUT_OF_ORDER 3=APPLIED
					""")
	void mergesCodeAndHistoryIntoOneStatePerVersion(String scenario, @Nullable String code, @Nullable String history,
			String expected) {
		MergedMigrations service = new MergedMigrations(code(code), history(history));

		assertThat(states(service)).as(scenario).isEqualTo(expected);
	}

	@Test
	void mergeTableCoversEveryState() throws NoSuchMethodException {
		// A state added to the enum needs a row in the table above.
		String table = getClass()
			.getDeclaredMethod("mergesCodeAndHistoryIntoOneStatePerVersion", String.class, String.class, String.class,
					String.class)
			.getAnnotation(CsvSource.class)
			.textBlock();

		assertThat(MigrationState.values())
			.allSatisfy((state) -> assertThat(table).containsPattern("=" + state + "\\b"));
	}

	@Test
	void appliedMigrationShowsWhatTheHistoryRecorded() {
		ResolvedMigration migration = migration("1", TransactionMode.DEFAULT, "code-checksum");
		HistoryRow row = row(1, "1", "MIGRATION", "SUCCESS", "history-checksum");

		MigrationInfo info = single(new MergedMigrations(List.of(migration), List.of(row)));

		assertThat(info.state()).isEqualTo(MigrationState.APPLIED);
		assertThat(info.checksum()).isEqualTo("history-checksum");
		assertThat(info.beanName()).isEqualTo(migration.beanName());
		assertThat(info.className()).isEqualTo(Reversible.class.getName());
		assertThat(info.description()).isEqualTo(migration.description());
		assertThat(info.reversible()).isTrue();
		assertThat(info.installedRank()).isEqualTo(1);
		assertThat(info.installedOn()).isEqualTo(INSTALLED_ON);
	}

	@Test
	void pendingMigrationShowsTheCode() {
		ResolvedMigration migration = migration("1", TransactionMode.DEFAULT, "code-checksum");

		MigrationInfo info = single(new MergedMigrations(List.of(migration), List.of()));

		assertThat(info.state()).isEqualTo(MigrationState.PENDING);
		assertThat(info.checksum()).isEqualTo("code-checksum");
		assertThat(info.beanName()).isEqualTo(migration.beanName());
		assertThat(info.installedRank()).isNull();
		assertThat(info.installedOn()).isNull();
	}

	@Test
	void missingMigrationIsDescribedFromItsHistoryRow() {
		HistoryRow gone = row(2, "2", "MIGRATION", "SUCCESS", "c2");

		MergedMigrations service = new MergedMigrations(code("1 3"),
				List.of(row(1, "1", "MIGRATION", "SUCCESS", "c1"), gone, row(3, "3", "MIGRATION", "SUCCESS", "c3")));

		MigrationInfo info = service.info("migrate_history", "H2").migrations().get(1);
		assertThat(info.state()).isEqualTo(MigrationState.MISSING);
		assertThat(info.beanName()).isEqualTo(gone.audit().beanName());
		assertThat(info.className()).isEqualTo(gone.audit().className());
		assertThat(info.description()).isEqualTo(gone.description());
		assertThat(info.reversible()).isFalse();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			nothing applied          |                                                      | none
			baseline only            | 4 BASELINE SUCCESS                                   | 4
			highest applied          | 1 MIGRATION SUCCESS, 3 MIGRATION SUCCESS             | 3
			out-of-order applied last| 1 MIGRATION SUCCESS, 3 MIGRATION SUCCESS, 2 MIGRATION SUCCESS | 3
			latest failed            | 1 MIGRATION SUCCESS, 2 MIGRATION FAILED              | 1
			latest running           | 1 MIGRATION SUCCESS, 2 MIGRATION RUNNING             | 1
			latest rolled back       | 1 MIGRATION SUCCESS, 2 MIGRATION SUCCESS, 2 MIGRATION ROLLED_BACK | 1
			all rolled back          | 1 MIGRATION SUCCESS, 1 MIGRATION ROLLED_BACK         | none
			future counts            | 1 MIGRATION SUCCESS, 7 MIGRATION SUCCESS             | 7
			above a baseline         | 2 BASELINE SUCCESS, 3 MIGRATION SUCCESS              | 3
			""")
	void currentVersionIsTheLatestApplied(String scenario, @Nullable String history, @Nullable String expected) {
		MergedMigrations service = new MergedMigrations(code("1 2 3"), history(history));

		assertThat(service.currentVersion()).isEqualTo((expected != null) ? Version.parse(expected) : null);
	}

	/**
	 * Code 1..5; history: 1 applied, 3 applied, 4 rolled back, so 2 is out of order, 4 is
	 * rolled back and 5 is pending.
	 */
	@ParameterizedTest(name = "target {0}, out of order {1}: {2}")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			none | false | 4 5
			none | true  | 2 4 5
			5    | false | 4 5
			4    | false | 4
			4.0  | true  | 2 4
			3    | false | ''
			3    | true  | 2
			2    | true  | 2
			1    | true  | ''
			9    | true  | 2 4 5
			""")
	void pendingTakesRolledBackPendingAndAllowedOutOfOrderUpToTheTarget(@Nullable String target, boolean outOfOrder,
			String expected) {
		MergedMigrations service = new MergedMigrations(code("1 2 3 4 5"),
				history("1 MIGRATION SUCCESS, 3 MIGRATION SUCCESS, 4 MIGRATION SUCCESS, 4 MIGRATION ROLLED_BACK"));

		List<ResolvedMigration> pending = service.pending((target != null) ? Version.parse(target) : null, outOfOrder);

		assertThat(versions(pending)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			failed is not pending           | 1 2 3 | 1 MIGRATION SUCCESS, 2 MIGRATION FAILED    | 3
			running is not pending          | 1 2 3 | 1 MIGRATION SUCCESS, 2 MIGRATION RUNNING   | 3
			below baseline is never applied | 1 2 3 | 2 BASELINE SUCCESS                         | 3
			missing and future are not code | 1 3   | 1 MIGRATION SUCCESS, 2 MIGRATION SUCCESS, 4 MIGRATION SUCCESS | 3
			""")
	void pendingSkipsMigrationsThatMustNotRun(String scenario, String code, String history, String expected) {
		MergedMigrations service = new MergedMigrations(code(code), history(history));

		assertThat(versions(service.pending(null, true))).as(scenario).isEqualTo(expected);
	}

	@Test
	void rollbackCandidatesAreAppliedOrFailedRowsNewestFirstWithoutBaselines() {
		MergedMigrations service = new MergedMigrations(code("1 2 3 4 5 6 7"),
				history("1 BASELINE SUCCESS, 2 MIGRATION SUCCESS, 4 MIGRATION SUCCESS, 3 MIGRATION SUCCESS,"
						+ " 5 MIGRATION FAILED, 6 MIGRATION SUCCESS, 6 MIGRATION ROLLED_BACK, 7 MIGRATION SUCCESS,"
						+ " 7 MIGRATION ROLLED_BACK, 7 MIGRATION SUCCESS, 8 MIGRATION SUCCESS"));

		List<HistoryRow> candidates = service.rollbackCandidates();

		// Rank order, not version order: 3 was applied after 4. 6 is rolled back; 7's
		// latest row is the one that counts; 8 is applied even though not in this code.
		assertThat(candidates).extracting((row) -> row.version() + "@" + row.installedRank())
			.containsExactly("8@11", "7@10", "5@5", "3@4", "4@3", "2@2");
	}

	@Test
	void rollbackCandidatesIncludeRunningAndRollingBack() {
		MergedMigrations service = new MergedMigrations(code("1 2 3"),
				history("1 MIGRATION SUCCESS, 2 MIGRATION RUNNING, 3 MIGRATION ROLLING_BACK"));

		assertThat(service.rollbackCandidates()).extracting((row) -> row.version().toString())
			.containsExactly("3", "2", "1");
	}

	@Test
	void noRollbackCandidateWithOnlyABaseline() {
		MergedMigrations service = new MergedMigrations(code("1 2"), history("1 BASELINE SUCCESS"));

		assertThat(service.rollbackCandidates()).isEmpty();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			''                                                  | 1
			1 MIGRATION SUCCESS                                 | 2
			1 BASELINE SUCCESS, 2 MIGRATION FAILED              | 3
			1 MIGRATION SUCCESS, 1 MIGRATION ROLLED_BACK, 1 MIGRATION SUCCESS | 4
			""")
	void nextRankFollowsTheLastRow(String history, int expected) {
		MergedMigrations service = new MergedMigrations(code("1 2"), history(history));

		assertThat(service.nextRank()).isEqualTo(expected);
	}

	@Test
	void nextRankFollowsTheLastRowWrittenEvenWithGapsInTheRanks() {
		List<HistoryRow> rows = List.of(row(1, "1", "MIGRATION", "SUCCESS", "c1"),
				row(7, "2", "MIGRATION", "SUCCESS", "c2"));

		assertThat(new MergedMigrations(code("1 2"), rows).nextRank()).isEqualTo(8);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			1   | true
			1.0 | true
			2   | true
			3   | true
			4   | true
			5   | false
			0   | false
			""")
	void knowsVersionsInTheCodeOrTheHistory(String version, boolean known) {
		// 1 pending in the code, 2 applied, 3 future, 4 rolled back and removed from the
		// code
		MergedMigrations service = new MergedMigrations(code("1 2"),
				history("2 MIGRATION SUCCESS, 3 MIGRATION SUCCESS, 4 MIGRATION SUCCESS, 4 MIGRATION ROLLED_BACK"));

		assertThat(service.isKnown(Version.parse(version))).isEqualTo(known);
	}

	@Test
	void latestRowAndMigrationAreLookedUpByVersion() {
		MergedMigrations service = new MergedMigrations(code("1 2"),
				history("1 MIGRATION SUCCESS, 1 MIGRATION ROLLED_BACK"));

		assertThat(service.latestRow(Version.parse("1.0"))).extracting(HistoryRow::installedRank).isEqualTo(2);
		assertThat(service.latestRow(Version.parse("2"))).isNull();
		assertThat(service.migration(Version.parse("2"))).extracting(ResolvedMigration::beanName).isEqualTo("bean2");
		assertThat(service.migration(Version.parse("3"))).isNull();
		assertThat(service.rows()).hasSize(2);
	}

	@Test
	void validatesAConsistentHistoryWithoutProblems() {
		MergedMigrations service = new MergedMigrations(code("1 2 3 4"),
				history("1 BASELINE SUCCESS, 2 MIGRATION SUCCESS, 3 MIGRATION SUCCESS, 3 MIGRATION ROLLED_BACK"));

		// 1 baseline, 2 applied, 3 rolled back, 4 pending: none is a problem.
		assertThat(service.validate(false, TransactionMode.PER_MIGRATION)).isEmpty();
		assertThat(service.validate(true, TransactionMode.ALL)).isEmpty();
	}

	@Test
	void validateAcceptsAFutureMigration() {
		MergedMigrations service = new MergedMigrations(code("1 2"),
				history("1 MIGRATION SUCCESS, 2 MIGRATION SUCCESS, 9 MIGRATION SUCCESS"));

		assertThat(service.validate(false, TransactionMode.PER_MIGRATION)).isEmpty();
	}

	@Test
	void validateReportsAChangedChecksumNamingVersionBeanClassAndBothChecksums() {
		ResolvedMigration changed = migration("7.3", "addEmailColumn", TransactionMode.DEFAULT, "c0ffee11");
		HistoryRow row = row(1, "7.3", "MIGRATION", "SUCCESS", "deadbeef");

		List<String> problems = rendered(
				new MergedMigrations(List.of(changed), List.of(row)).validate(false, TransactionMode.PER_MIGRATION));

		assertThat(problems).singleElement(as(STRING))
			.contains("7.3", "addEmailColumn", Reversible.class.getName(), "c0ffee11", "deadbeef");
	}

	@ParameterizedTest(name = "history checksum {0}")
	@CsvSource(nullValues = "none", value = { "none", "c0ffee11" })
	void validateAcceptsAnUnchangedOrUnrecordedChecksum(@Nullable String historyChecksum) {
		ResolvedMigration migration = migration("7.3", "addEmailColumn", TransactionMode.DEFAULT, "c0ffee11");
		HistoryRow row = row(1, "7.3", "MIGRATION", "SUCCESS", historyChecksum);

		assertThat(
				new MergedMigrations(List.of(migration), List.of(row)).validate(false, TransactionMode.PER_MIGRATION))
			.isEmpty();
	}

	@Test
	void validateReportsAMissingMigrationNamingVersionBeanAndClassFromTheHistory() {
		MergedMigrations service = new MergedMigrations(code("1 9"),
				List.of(row(1, "1", "MIGRATION", "SUCCESS", "c1"),
						historyRow(2, "7.3", "dropLegacyTable", "com.example.DropLegacyTable", "SUCCESS", null),
						row(3, "9", "MIGRATION", "SUCCESS", "c9")));

		List<String> problems = rendered(service.validate(false, TransactionMode.PER_MIGRATION));

		assertThat(problems).singleElement(as(STRING))
			.contains("7.3", "dropLegacyTable", "com.example.DropLegacyTable", "2026-03-01");
		assertThat(rendered(service.missingProblems())).isEqualTo(problems);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			FAILED       | 2026-03-01
			RUNNING      | 2026-03-01
			ROLLING_BACK | 2026-03-02
			""")
	void validateReportsAFailedMigrationNamingVersionBeanClassAndWhen(String status, String date) {
		ResolvedMigration migration = migration("7.3", "addEmailColumn", TransactionMode.DEFAULT, "c73");
		HistoryRow row = historyRow(2, "7.3", "addEmailColumn", Reversible.class.getName(), status,
				"FAILED".equals(status) ? "relation \"users\" does not exist" : null);

		List<String> problems = rendered(new MergedMigrations(List.of(migration("1"), migration),
				List.of(row(1, "1", "MIGRATION", "SUCCESS", "c1"), row))
			.validate(true, TransactionMode.PER_MIGRATION));

		assertThat(problems).singleElement(as(STRING))
			.contains("7.3", "addEmailColumn", Reversible.class.getName(), date);
	}

	@Test
	void validateReportsTheErrorOfAFailedMigration() {
		HistoryRow row = historyRow(1, "7.3", "addEmailColumn", Reversible.class.getName(), "FAILED",
				"relation \"users\" does not exist");

		List<String> problems = rendered(
				new MergedMigrations(List.of(migration("7.3", "addEmailColumn", TransactionMode.DEFAULT, "c73")),
						List.of(row))
					.validate(false, TransactionMode.PER_MIGRATION));

		assertThat(problems).singleElement(as(STRING)).contains("relation \"users\" does not exist");
	}

	@Test
	void validateReportsAFailedMigrationWhoseBeanIsGone() {
		HistoryRow row = historyRow(2, "7.3", "addEmailColumn", "com.example.AddEmailColumn", "RUNNING", null);

		List<String> problems = rendered(
				new MergedMigrations(code("1"), List.of(row(1, "1", "MIGRATION", "SUCCESS", "c1"), row)).validate(false,
						TransactionMode.PER_MIGRATION));

		assertThat(problems).singleElement(as(STRING)).contains("7.3", "addEmailColumn", "com.example.AddEmailColumn");
	}

	@Test
	void validateRefusesAnOutOfOrderMigrationNamingVersionBeanAndTheLatestApplied() {
		MergedMigrations service = outOfOrderService();

		List<String> problems = rendered(service.validate(false, TransactionMode.PER_MIGRATION));

		assertThat(problems).singleElement(as(STRING))
			.contains("7.3", "addEmailColumn", Reversible.class.getName(), "9.1");
	}

	@Test
	void validateAllowsAnOutOfOrderMigrationWhenOutOfOrderIsAllowed() {
		assertThat(outOfOrderService().validate(true, TransactionMode.PER_MIGRATION)).isEmpty();
	}

	@ParameterizedTest(name = "{0} migration, engine mode {1}, {2}: {3} problem(s)")
	@CsvSource(delimiter = '|', textBlock = """
			NONE           | ALL           | pending     | 1
			NONE           | ALL           | rolled back | 1
			NONE           | ALL           | applied     | 0
			NONE           | PER_MIGRATION | pending     | 0
			NONE           | NONE          | pending     | 0
			NONE           | DEFAULT       | pending     | 0
			DEFAULT        | ALL           | pending     | 0
			PER_MIGRATION  | ALL           | pending     | 0
			ALL            | ALL           | pending     | 0
			""")
	void validateReportsANoTransactionMigrationUnderEngineModeAll(TransactionMode migrationMode,
			TransactionMode engineMode, String state, int expectedProblems) {
		ResolvedMigration migration = migration("7.3", "createIndexConcurrently", migrationMode, "c73");
		List<HistoryRow> rows = switch (state) {
			case "pending" -> List.of();
			case "rolled back" ->
				List.of(row(1, "7.3", "MIGRATION", "SUCCESS", "c73"), row(2, "7.3", "MIGRATION", "ROLLED_BACK", "c73"));
			default -> List.of(row(1, "7.3", "MIGRATION", "SUCCESS", "c73"));
		};

		List<String> problems = rendered(new MergedMigrations(List.of(migration), rows).validate(false, engineMode));

		assertThat(problems).hasSize(expectedProblems)
			.allSatisfy((problem) -> assertThat(problem).contains("7.3", "createIndexConcurrently", "NONE", "ALL"));
	}

	@Test
	void validateReportsEveryProblemAtOnceInVersionOrder() {
		MergedMigrations service = new MergedMigrations(
				List.of(migration("1", "first", TransactionMode.DEFAULT, "changed"),
						migration("3", "third", TransactionMode.NONE, "c3"),
						migration("4", "fourth", TransactionMode.DEFAULT, "c4"),
						migration("6", "sixth", TransactionMode.DEFAULT, "c6")),
				List.of(historyRow(1, "1", "first", Reversible.class.getName(), "SUCCESS", null, "original"),
						historyRow(2, "2", "second", "com.example.Second", "SUCCESS", null),
						historyRow(3, "4", "fourth", Reversible.class.getName(), "FAILED", "boom"),
						historyRow(4, "6", "sixth", Reversible.class.getName(), "SUCCESS", null),
						historyRow(5, "8", "eighth", "com.example.Eighth", "SUCCESS", null)));

		List<String> problems = rendered(service.validate(false, TransactionMode.ALL));

		// 1 changed, 2 missing, 3 out of order (8 is applied) and NONE under ALL, 4
		// failed; 6 applied and 8 future are fine.
		assertThat(problems).hasSize(5);
		assertThat(problems.get(0)).contains("first", "changed", "original");
		assertThat(problems.get(1)).contains("second", "com.example.Second");
		assertThat(problems.get(2)).contains("third", "8");
		assertThat(problems.get(3)).contains("third", "NONE");
		assertThat(problems.get(4)).contains("fourth", "boom");
	}

	private static MergedMigrations outOfOrderService() {
		return new MergedMigrations(
				List.of(migration("1", "first", TransactionMode.DEFAULT, "c1"),
						migration("7.3", "addEmailColumn", TransactionMode.DEFAULT, "c73"),
						migration("9.1", "latest", TransactionMode.DEFAULT, "c91")),
				List.of(row(1, "1", "MIGRATION", "SUCCESS", "c1"), row(2, "9.1", "MIGRATION", "SUCCESS", "c91")));
	}

	private static List<String> rendered(List<Diagnosis> problems) {
		return problems.stream().map((problem) -> problem.render(Vocabulary.ENGINE)).toList();
	}

	private static String states(MergedMigrations service) {
		return service.info("migrate_history", "H2")
			.migrations()
			.stream()
			.map((info) -> info.version() + "=" + info.state())
			.collect(Collectors.joining(" "));
	}

	private static MigrationInfo single(MergedMigrations service) {
		return service.info("migrate_history", "H2").migrations().get(0);
	}

	private static String versions(List<ResolvedMigration> migrations) {
		return migrations.stream().map((migration) -> migration.version().toString()).collect(Collectors.joining(" "));
	}

	private static List<ResolvedMigration> code(@Nullable String versions) {
		if (versions == null || versions.isBlank()) {
			return List.of();
		}
		// Sorted by version, as the resolver returns them.
		return Arrays.stream(versions.trim().split("\\s+"))
			.map(MergedMigrationsTests::migration)
			.sorted((a, b) -> a.version().compareTo(b.version()))
			.toList();
	}

	@Test
	void versionsCarriedOverFromFlywayPassValidationAndRecordTheBeansChecksums() {
		MergedMigrations merged = new MergedMigrations(code("2 3"),
				history("1 MIGRATION SUCCESS flyway:11, 2 MIGRATION SUCCESS flyway:-22"),
				new ChecksumCheck((type) -> null), dev.migrate.ChecksumValidation.FAIL);
		assertThat(merged.validate(false, TransactionMode.PER_MIGRATION)).isEmpty();
		assertThat(merged.checksumsToRecord()).singleElement()
			.satisfies((update) -> assertThat(update.row().version()).hasToString("2"))
			.satisfies((update) -> assertThat(update.checksum()).isEqualTo("c2"));
		assertThat(merged.pending(null, false)).extracting((migration) -> migration.version().toString())
			.containsExactly("3");
	}

	@Test
	void versionsCarriedOverFromFlywayWithoutABeanCannotBeRolledBack() {
		MergedMigrations merged = new MergedMigrations(code("2 3"),
				history("1 MIGRATION SUCCESS flyway:11, 2 MIGRATION SUCCESS flyway:22, 3 MIGRATION SUCCESS c3"));
		assertThat(merged.rollbackCandidates()).extracting((row) -> row.version().toString()).containsExactly("3", "2");
	}

	private static List<HistoryRow> history(@Nullable String rows) {
		List<HistoryRow> history = new ArrayList<>();
		if (rows == null || rows.isBlank()) {
			return history;
		}
		for (String row : rows.split(",")) {
			String[] parts = row.trim().split("\\s+");
			history.add(row(history.size() + 1, parts[0], parts[1], parts[2],
					(parts.length > 3) ? parts[3] : "c" + parts[0]));
		}
		return history;
	}

	private static ResolvedMigration migration(String version) {
		return migration(version, TransactionMode.DEFAULT, "c" + version);
	}

	private static ResolvedMigration migration(String version, TransactionMode mode, String checksum) {
		return migration(version, "bean" + version, mode, checksum);
	}

	private static ResolvedMigration migration(String version, String beanName, TransactionMode mode, String checksum) {
		return new ResolvedMigration(Version.parse(version), "Migration " + version, beanName, Reversible.class,
				TEMPLATE.bean(), mode, TEMPLATE.up(), TEMPLATE.down(), checksum);
	}

	private static HistoryRow row(int rank, String version, String type, String status, @Nullable String checksum) {
		return new HistoryRow(rank, Version.parse(version), HistoryType.valueOf(type), HistoryStatus.valueOf(status),
				checksum, 2,
				new HistoryRow.Audit("History " + version, "bean" + version, "com.example.Bean" + version, "dba",
						INSTALLED_ON, Duration.ofMillis(42), null, null,
						"ROLLED_BACK".equals(status) ? ROLLED_BACK_ON : null));
	}

	private static HistoryRow historyRow(int rank, String version, String beanName, String className, String status,
			@Nullable String errorMessage) {
		return historyRow(rank, version, beanName, className, status, errorMessage, "c" + version);
	}

	private static HistoryRow historyRow(int rank, String version, String beanName, String className, String status,
			@Nullable String errorMessage, @Nullable String checksum) {
		boolean rolledBack = "ROLLING_BACK".equals(status) || "ROLLED_BACK".equals(status);
		return new HistoryRow(rank, Version.parse(version), HistoryType.MIGRATION, HistoryStatus.valueOf(status),
				checksum, 2,
				new HistoryRow.Audit("History " + version, beanName, className, "dba", INSTALLED_ON,
						Duration.ofMillis(42), errorMessage, rolledBack ? "dba" : null,
						rolledBack ? ROLLED_BACK_ON : null));
	}

	@Migration(version = "1")
	static class Reversible {

		public void up(JdbcTemplate jdbc) {
		}

		public void down(JdbcTemplate jdbc) {
		}

	}

}
