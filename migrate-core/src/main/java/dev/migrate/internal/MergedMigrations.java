package dev.migrate.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.migrate.ChecksumValidation;
import dev.migrate.Diagnosis;
import dev.migrate.Diagnosis.Text;
import dev.migrate.InfoResult;
import dev.migrate.MigrationInfo;
import dev.migrate.MigrationState;
import dev.migrate.OperationResult.Operation;
import dev.migrate.Remedy;
import dev.migrate.Setting;
import dev.migrate.TransactionMode;
import dev.migrate.Version;
import dev.migrate.Vocabulary;
import dev.migrate.history.HistoryRow;
import dev.migrate.history.HistoryStatus;
import dev.migrate.history.SchemaHistory;
import dev.migrate.internal.ChecksumCheck.Verdict;
import dev.migrate.resolver.Fingerprint;
import dev.migrate.resolver.ResolvedMigration;
import org.jspecify.annotations.Nullable;

/**
 * The migrations in the code merged with the rows of the history table: one state per
 * version, and the checks of the result. One pass over each, no per-migration queries.
 */
public final class MergedMigrations {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	// Below it, starting the common pool in a new JVM costs more than it saves: a class
	// hash read from a jar's central directory takes microseconds.
	private static final int PARALLEL_THRESHOLD = 256;

	private final Map<Version, ResolvedMigration> code;

	private final List<HistoryRow> rows;

	private final Map<Version, HistoryRow> latestRows;

	private final List<MigrationInfo> infos;

	private final Map<Version, MigrationInfo> infosByVersion;

	private final @Nullable Version baselineVersion;

	private final @Nullable Version latestApplied;

	private final ChecksumCheck checksums;

	private final ChecksumValidation checksumValidation;

	private @Nullable Map<Version, Verdict> verdicts;

	/** Applied migrations whose recorded class hash matches their class file. */
	private final Set<Version> vouched = ConcurrentHashMap.newKeySet();

	/**
	 * Merge code and history.
	 * @param migrations the migrations in the code, ordered by version
	 * @param rows the history rows, in the order written
	 */
	public MergedMigrations(List<ResolvedMigration> migrations, List<HistoryRow> rows) {
		this(migrations, rows, new ChecksumCheck((type) -> null), ChecksumValidation.FAIL);
	}

	/**
	 * Merge code and history.
	 * @param migrations the migrations in the code, ordered by version
	 * @param rows the history rows, in the order written
	 * @param checksums how recorded checksums compare with the code
	 * @param checksumValidation what a changed checksum means
	 */
	public MergedMigrations(List<ResolvedMigration> migrations, List<HistoryRow> rows, ChecksumCheck checksums,
			ChecksumValidation checksumValidation) {
		this.checksums = checksums;
		this.checksumValidation = checksumValidation;
		this.code = new HashMap<>(migrations.size() * 2);
		for (ResolvedMigration migration : migrations) {
			this.code.put(migration.version(), migration);
		}
		this.rows = rows;
		this.latestRows = new HashMap<>(rows.size() * 2);
		Version baseline = null;
		for (HistoryRow row : rows) {
			this.latestRows.put(row.version(), row);
			if (row.isBaseline() && row.isApplied()) {
				baseline = row.version();
			}
		}
		this.baselineVersion = baseline;
		Version latest = null;
		for (HistoryRow row : this.latestRows.values()) {
			if (row.isApplied() && (latest == null || row.version().isAfter(latest))) {
				latest = row.version();
			}
		}
		this.latestApplied = latest;
		Version latestInCode = migrations.isEmpty() ? null : migrations.get(migrations.size() - 1).version();
		List<Version> versions = allVersions(migrations);
		this.infos = new ArrayList<>(versions.size());
		this.infosByVersion = new HashMap<>(versions.size() * 2);
		for (Version version : versions) {
			MigrationInfo info = merge(version, this.code.get(version), this.latestRows.get(version), latestInCode);
			if (info != null) {
				this.infos.add(info);
				this.infosByVersion.put(version, info);
			}
		}
	}

	/**
	 * Every version of the code and the history, in order. The code's come ordered:
	 * sorting finds them as one run and merges in the few only the history has, where a
	 * tree of both would compare versions some 20 000 times at 1000 migrations, on every
	 * start.
	 */
	private List<Version> allVersions(List<ResolvedMigration> migrations) {
		List<Version> versions = new ArrayList<>(this.code.size() + this.latestRows.size());
		// Each version once: the resolver refuses a version given twice.
		for (ResolvedMigration migration : migrations) {
			versions.add(migration.version());
		}
		for (Version version : this.latestRows.keySet()) {
			if (!this.code.containsKey(version)) {
				versions.add(version);
			}
		}
		versions.sort(null);
		return versions;
	}

	private @Nullable MigrationInfo merge(Version version, @Nullable ResolvedMigration migration,
			@Nullable HistoryRow row, @Nullable Version latestInCode) {
		if (row == null) {
			MigrationState state;
			if (this.baselineVersion != null && !version.isAfter(this.baselineVersion)) {
				state = MigrationState.BELOW_BASELINE;
			}
			else if (this.latestApplied != null && this.latestApplied.isAfter(version)) {
				state = MigrationState.OUT_OF_ORDER;
			}
			else {
				state = MigrationState.PENDING;
			}
			// A version comes from the code or the history: without a row it has code.
			return fromCode(Objects.requireNonNull(migration, "migration"), state);
		}
		MigrationState state;
		if (row.isBaseline()) {
			state = MigrationState.BASELINE;
		}
		else if (row.isApplied()) {
			if (migration != null) {
				state = MigrationState.APPLIED;
			}
			else if (Fingerprint.isFlyway(row.checksum())) {
				// Applied by Flyway, with no bean to replace it: where migrate starts
				// from.
				state = MigrationState.BASELINE;
			}
			else {
				state = (latestInCode == null || version.isAfter(latestInCode)) ? MigrationState.FUTURE
						: MigrationState.MISSING;
			}
		}
		else if (row.isFailed()) {
			state = MigrationState.FAILED;
		}
		else if (migration == null) {
			// Rolled back and then removed from the code: only the audit trail remains.
			return null;
		}
		else {
			state = MigrationState.ROLLED_BACK;
		}
		HistoryRow.Audit audit = row.audit();
		if (audit == null) {
			// Read for the up-to-date check: the code and the key columns say it all.
			return new MigrationInfo(version, (migration != null) ? migration.description() : "", state,
					(migration != null) ? migration.beanName() : null,
					(migration != null) ? migration.className() : null, row.checksum(),
					migration != null && migration.isReversible(), row.installedRank(), null, null, null, null, null,
					null);
		}
		return new MigrationInfo(version, (migration != null) ? migration.description() : audit.description(), state,
				(migration != null) ? migration.beanName() : audit.beanName(),
				(migration != null) ? migration.className() : audit.className(), row.checksum(),
				migration != null && migration.isReversible(), row.installedRank(), audit.installedBy(),
				audit.installedOn(), audit.executionTime(), audit.rolledBackBy(), audit.rolledBackOn(),
				audit.errorMessage());
	}

	private static MigrationInfo fromCode(ResolvedMigration migration, MigrationState state) {
		return new MigrationInfo(migration.version(), migration.description(), state, migration.beanName(),
				migration.className(), migration.checksum(), migration.isReversible(), null, null, null, null, null,
				null, null);
	}

	/**
	 * The merged view.
	 * @param historyTable the qualified name of the history table
	 * @param database the database product
	 * @return every migration with its state
	 */
	public InfoResult info(String historyTable, String database) {
		return new InfoResult(List.copyOf(this.infos), historyTable, database,
				codeWarnings().stream().map((warning) -> warning.render(Vocabulary.ENGINE)).toList());
	}

	/**
	 * What looks wrong about the code without stopping migrate: no migration at all in
	 * the code while the history holds applied ones, which is what leaving the package of
	 * the migrations out of scanning looks like.
	 * @return the warnings
	 */
	public List<Diagnosis> codeWarnings() {
		if (!this.code.isEmpty()) {
			return List.of();
		}
		long applied = this.latestRows.values().stream().filter((row) -> row.isApplied() && !row.isBaseline()).count();
		if (applied == 0) {
			return List.of();
		}
		return List.of(new Diagnosis(
				Text.of("No migration was found in the code, but the history holds " + applied
						+ " applied migration(s), up to version " + this.latestApplied + "."),
				Text.of("Nothing is applied or checked while no migration is found."),
				Text.of("Check that the package of the @Migration classes is scanned (it must be under the"
						+ " @SpringBootApplication class's package, or listed with @ComponentScan), or that the"
						+ " migrations are given to Migrator.Builder.migrations(...).")));
	}

	/**
	 * Every migration with its state, in version order.
	 * @return the merged migrations
	 */
	public List<MigrationInfo> infos() {
		return List.copyOf(this.infos);
	}

	/**
	 * The latest applied version, baseline included.
	 * @return the version, or {@code null} if nothing is applied
	 */
	public @Nullable Version currentVersion() {
		return this.latestApplied;
	}

	/**
	 * The migrations the next migrate applies, in version order.
	 * @param target the highest version to apply, or {@code null} for all
	 * @param outOfOrder whether out-of-order migrations are applied
	 * @return the migrations to apply
	 */
	public List<ResolvedMigration> pending(@Nullable Version target, boolean outOfOrder) {
		List<ResolvedMigration> pending = new ArrayList<>();
		for (MigrationInfo info : this.infos) {
			MigrationState state = info.state();
			boolean applies = state == MigrationState.PENDING || state == MigrationState.ROLLED_BACK
					|| (state == MigrationState.OUT_OF_ORDER && outOfOrder);
			if (applies && (target == null || !info.version().isAfter(target))) {
				pending.add(this.code.get(info.version()));
			}
		}
		return pending;
	}

	/**
	 * Whether the code or history knows a version.
	 * @param version the version
	 * @return {@code true} if a migration or history row has it
	 */
	public boolean isKnown(Version version) {
		return this.code.containsKey(version) || this.latestRows.containsKey(version);
	}

	/**
	 * The migration with a version in the code.
	 * @param version the version
	 * @return the migration, or {@code null}
	 */
	public @Nullable ResolvedMigration migration(Version version) {
		return this.code.get(version);
	}

	/**
	 * Latest history rows of migrations that are applied or failed (never baselines),
	 * newest first: what a rollback undoes, in order.
	 * @return the rows
	 */
	public List<HistoryRow> rollbackCandidates() {
		return this.latestRows.values()
			.stream()
			.filter((row) -> !row.isBaseline() && (row.isApplied() || row.isFailed()))
			// Carried over from Flyway without a bean: nothing can roll it back.
			.filter((row) -> !Fingerprint.isFlyway(row.checksum()) || this.code.containsKey(row.version()))
			.sorted((a, b) -> Integer.compare(b.installedRank(), a.installedRank()))
			.toList();
	}

	/**
	 * The latest history row of a version.
	 * @param version the version
	 * @return the row, or {@code null}
	 */
	public @Nullable HistoryRow latestRow(Version version) {
		return this.latestRows.get(version);
	}

	/**
	 * Check the code against the history.
	 * @param outOfOrder whether out-of-order migrations are allowed
	 * @param mode the engine's transaction mode
	 * @return each problem found, with what to do about it
	 */
	public List<Diagnosis> validate(boolean outOfOrder, TransactionMode mode) {
		List<Diagnosis> problems = new ArrayList<>();
		for (MigrationInfo info : this.infos) {
			ResolvedMigration migration = this.code.get(info.version());
			HistoryRow row = this.latestRows.get(info.version());
			switch (info.state()) {
				case FAILED -> problems.add(describeFailed(info, migration, row));
				case MISSING -> problems.add(describeMissing(info));
				case APPLIED -> {
					Verdict verdict = verdicts().get(info.version());
					if (migration == null || row == null) {
						// Verdicts are given only to versions with both code and a row.
					}
					else if (verdict == Verdict.CHANGED && this.checksumValidation == ChecksumValidation.FAIL) {
						problems.add(changed(info, migration, row));
					}
					else if (verdict == Verdict.UNKNOWN_ALGORITHM) {
						problems.add(unknownAlgorithm(info, row));
					}
				}
				case OUT_OF_ORDER -> {
					if (!outOfOrder) {
						problems.add(new Diagnosis(
								Text.of("Migration "
										+ info.version() + " (bean '" + info.beanName() + "', " + info.className()
										+ ") is pending, but version " + this.latestApplied + " is already applied."),
								Text.EMPTY,
								Text.of("Give it a version above " + this.latestApplied
										+ ", or, if it does not depend on the later ones, allow out-of-order"
										+ " migrations (", Remedy.change(Setting.OUT_OF_ORDER, "true"), ").")));
					}
				}
				default -> {
				}
			}
			if (mode == TransactionMode.ALL && migration != null && info.state().isPending()
					&& migration.transactionMode() == TransactionMode.NONE) {
				problems.add(new Diagnosis(
						Text.of("Migration " + info.version() + " (bean '" + migration.beanName()
								+ "') asks for @Migration(transaction = NONE), which cannot run inside the single"
								+ " transaction of transaction mode ALL."),
						Text.EMPTY, Text.of("Use transaction mode PER_MIGRATION (",
								Remedy.change(Setting.TRANSACTION_MODE), "), or remove the attribute.")));
			}
		}
		return problems;
	}

	/**
	 * What to tell about checksums that validation lets pass: changed migrations when
	 * checksums only warn, and checksums of migrate 0.1 that no longer match.
	 * @return one warning per migration
	 */
	public List<Diagnosis> checksumWarnings() {
		List<Diagnosis> warnings = new ArrayList<>();
		for (Map.Entry<Version, Verdict> entry : verdicts().entrySet()) {
			Version version = entry.getKey();
			Verdict verdict = entry.getValue();
			ResolvedMigration migration = this.code.get(version);
			HistoryRow row = this.latestRows.get(version);
			MigrationInfo info = info(version);
			if (migration == null || row == null || info == null) {
				continue;
			}
			if (verdict == Verdict.CHANGED && this.checksumValidation == ChecksumValidation.WARN) {
				warnings.add(changed(info, migration, row));
			}
			else if (verdict == Verdict.RECORD_UNVERIFIED) {
				warnings.add(new Diagnosis(Text.of("Migration " + version + " (bean '" + migration.beanName()
						+ "') was recorded with the class-file checksum of migrate 0.1 (" + row.checksum()
						+ "), which no longer matches: a new compiler or JDK changes it, and so does an edit of the"
						+ " migration."),
						Text.of("Its checksum is recorded anew as " + migration.checksum()
								+ ", which does not depend on the compiler."),
						Text.of("If migration " + version + " was edited after it was applied, revert the edit and"
								+ " add a new migration instead.")));
			}
		}
		return warnings;
	}

	/**
	 * Applied migrations whose recorded checksum is to be replaced by the code's: the
	 * same migration, recorded with another algorithm.
	 * @return the rows with the checksum to record
	 */
	public List<ChecksumUpdate> checksumsToRecord() {
		List<ChecksumUpdate> updates = new ArrayList<>();
		for (Map.Entry<Version, Verdict> entry : verdicts().entrySet()) {
			Version version = entry.getKey();
			Verdict verdict = entry.getValue();
			ResolvedMigration migration = this.code.get(version);
			HistoryRow row = this.latestRows.get(version);
			if (migration == null || row == null) {
				continue;
			}
			if (verdict == Verdict.RECORD || verdict == Verdict.RECORD_UNVERIFIED) {
				updates.add(new ChecksumUpdate(row, migration.checksum(), migration.classHash()));
			}
			else if (verdict == Verdict.SAME && !this.vouched.contains(version)
					&& migration.checksum().equals(row.checksum())) {
				// Recorded without a class hash (by an older migrate), or from a class
				// file
				// compiled anew: record the hash, so that the next start need not
				// fingerprint it again.
				String classHash = migration.classHash();
				String checksum = row.checksum();
				if (classHash != null && checksum != null) {
					updates.add(new ChecksumUpdate(row, checksum, classHash));
				}
			}
		}
		return updates;
	}

	private Map<Version, Verdict> verdicts() {
		Map<Version, Verdict> verdicts = this.verdicts;
		if (verdicts == null) {
			List<MigrationInfo> applied = new ArrayList<>();
			if (this.checksumValidation != ChecksumValidation.OFF) {
				for (MigrationInfo info : this.infos) {
					if (info.state() == MigrationState.APPLIED && this.code.containsKey(info.version())
							&& this.latestRows.containsKey(info.version())) {
						applied.add(info);
					}
				}
			}
			Map<Version, Verdict> computed = new ConcurrentHashMap<>();
			// Where a jar records the class file's CRC, a look-up costs less than handing
			// it to a thread (and a jar's look-ups take turns): vouched for here. One it
			// does not vouch for was changed, or recorded otherwise: it is fingerprinted.
			List<MigrationInfo> toRead = new ArrayList<>();
			List<MigrationInfo> toFingerprint = new ArrayList<>();
			for (MigrationInfo info : applied) {
				if (!code(info).isCheckedWithoutReading()) {
					toRead.add(info);
				}
				else if (!vouch(info, computed)) {
					toFingerprint.add(info);
				}
			}
			// Reading class files (and fingerprinting the changed ones) dominates the
			// check of many migrations: spread it over the cores.
			if (toRead.size() + toFingerprint.size() >= PARALLEL_THRESHOLD) {
				toRead.parallelStream().forEach((info) -> judge(info, computed));
				toFingerprint.parallelStream().forEach((info) -> compare(info, computed));
			}
			else {
				// Loops rather than streams: no lambda spun in a new JVM for a few.
				for (MigrationInfo info : toRead) {
					judge(info, computed);
				}
				for (MigrationInfo info : toFingerprint) {
					compare(info, computed);
				}
			}
			// In version order, as the applied migrations are: no tree to sort them
			// again.
			verdicts = new LinkedHashMap<>(applied.size() * 2);
			for (MigrationInfo info : applied) {
				verdicts.put(info.version(), Objects.requireNonNull(computed.get(info.version())));
			}
			this.verdicts = verdicts;
		}
		return verdicts;
	}

	private void judge(MigrationInfo info, Map<Version, Verdict> verdicts) {
		if (!vouch(info, verdicts)) {
			compare(info, verdicts);
		}
	}

	private void compare(MigrationInfo info, Map<Version, Verdict> verdicts) {
		verdicts.put(info.version(), this.checksums.compare(code(info), latestRow(info).checksum()));
	}

	/**
	 * Whether the class file is the one the recorded checksum was computed from: then the
	 * checksum is the same, recorded as such.
	 */
	private boolean vouch(MigrationInfo info, Map<Version, Verdict> verdicts) {
		HistoryRow row = latestRow(info);
		if (ChecksumCheck.isClassFileOf(code(info), row.checksum(), row.classHash())) {
			this.vouched.add(info.version());
			verdicts.put(info.version(), Verdict.SAME);
			return true;
		}
		return false;
	}

	// Both are present for an applied migration: chosen so by verdicts().
	private ResolvedMigration code(MigrationInfo info) {
		return Objects.requireNonNull(this.code.get(info.version()));
	}

	private HistoryRow latestRow(MigrationInfo info) {
		return Objects.requireNonNull(this.latestRows.get(info.version()));
	}

	// By key: a loop over the list made the checks of N migrations quadratic.
	private @Nullable MigrationInfo info(Version version) {
		return this.infosByVersion.get(version);
	}

	private static Diagnosis changed(MigrationInfo info, ResolvedMigration migration, HistoryRow row) {
		return new Diagnosis(Text.of("Migration " + info.version() + " (bean '" + migration.beanName() + "', "
				+ migration.className() + ") was changed after it was applied on " + format(info.installedOn())
				+ ": checksum " + row.checksum() + " in the history, " + migration.checksum() + " in the code."),
				Text.EMPTY,
				Text.of("Applied migrations must not change: revert the change and add a new migration instead. If"
						+ " the change is harmless (a refactoring, a fixed down method), run repair (",
						Remedy.run(Operation.REPAIR, info.version()),
						") to accept it, or pin the recorded checksum with" + " @Migration(checksum = \""
								+ row.checksum() + "\")."));
	}

	private static Diagnosis unknownAlgorithm(MigrationInfo info, HistoryRow row) {
		return new Diagnosis(
				Text.of("Migration " + info.version() + " was recorded with checksum " + row.checksum()
						+ ", of an algorithm this version of migrate does not know: a newer migrate applied it."),
				Text.EMPTY, Text.of("Upgrade migrate in this application, or run repair (",
						Remedy.run(Operation.REPAIR, info.version()), ") to record this version's checksum."));
	}

	/**
	 * Whether a failed row is a rollback that failed or was interrupted: the migration
	 * was applied, and its {@code down} ran in part. Rows written by migrate 0.1 say so
	 * in their error.
	 * @param row the row
	 * @return {@code true} for a rollback that did not finish
	 */
	public static boolean isRollbackFailure(HistoryRow row) {
		if (row.status().isRollbackInterrupted()) {
			return true;
		}
		HistoryRow.Audit audit = row.audit();
		return row.status() == HistoryStatus.FAILED && audit != null && audit.errorMessage() != null
				&& audit.errorMessage().startsWith("down failed:");
	}

	/**
	 * A checksum to record for an applied migration.
	 *
	 * @param row the history row
	 * @param checksum the checksum to record, in its stored form
	 * @param classHash the hash of the class file it was computed from, or {@code null}
	 */
	public record ChecksumUpdate(HistoryRow row, String checksum, @Nullable String classHash) {

	}

	private static Diagnosis describeFailed(MigrationInfo info, @Nullable ResolvedMigration migration,
			@Nullable HistoryRow row) {
		String what = "Migration " + info.version() + " (" + info.description() + ", bean '" + info.beanName() + "', "
				+ info.className() + ")";
		if (row != null && row.status() == HistoryStatus.RUNNING) {
			what += " started on " + format(info.installedOn())
					+ " and did not finish: the process was interrupted (or is still running elsewhere).";
		}
		else if (row != null && row.status() == HistoryStatus.ROLLING_BACK) {
			what += " was being rolled back on " + format(info.rolledBackOn())
					+ " and the rollback did not finish: the process was interrupted (or is still running elsewhere).";
		}
		else if (row != null && isRollbackFailure(row)) {
			what += " failed while being rolled back on " + format(info.rolledBackOn()) + ": " + info.errorMessage()
					+ ".";
		}
		else {
			what += " failed on " + format(info.installedOn()) + ": " + info.errorMessage() + ".";
		}
		String name = "migration " + info.version() + " (bean '" + info.beanName() + "')";
		return new Diagnosis(Text.of(what),
				Text.of("The database may hold part of its changes, so migrate will not go on until it is resolved."),
				(row != null && isRollbackFailure(row)) ? Advice.interruptedRollback(name)
						: Advice.partialChanges(name, "up", migration != null && migration.isReversible()));
	}

	/**
	 * The problems of applied migrations whose beans are gone: what stops a rollback,
	 * whose down methods those are.
	 * @return one problem per missing migration
	 */
	public List<Diagnosis> missingProblems() {
		return this.infos.stream()
			.filter((info) -> info.state() == MigrationState.MISSING)
			.map(MergedMigrations::describeMissing)
			.toList();
	}

	private static Diagnosis describeMissing(MigrationInfo info) {
		return new Diagnosis(Text.of("Migration " + info.version() + " (" + info.description() + ", bean '"
				+ info.beanName() + "', " + info.className() + ") was applied on " + format(info.installedOn())
				+ " but is no longer in the code."), Text.EMPTY, Advice.missing());
	}

	/**
	 * The history rows this view was merged from, in the order written.
	 * @return the rows
	 */
	public List<HistoryRow> rows() {
		return this.rows;
	}

	/**
	 * Whether every history row is in the format this version of migrate writes.
	 * @return {@code false} if a row needs
	 * {@link dev.migrate.history.SchemaHistory#upgradeFormat()}
	 */
	public boolean isCurrentFormat() {
		for (HistoryRow row : this.rows) {
			if (row.formatVersion() < SchemaHistory.FORMAT_VERSION) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Installed rank of the next history row.
	 * @return one more than the highest rank written so far
	 */
	public int nextRank() {
		return this.rows.isEmpty() ? 1 : this.rows.get(this.rows.size() - 1).installedRank() + 1;
	}

	static String format(@Nullable Instant instant) {
		return (instant != null) ? TIME.format(instant) : "an unknown date";
	}

}
