package dev.migrate.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migrate.ChecksumValidation;
import dev.migrate.Migration;
import dev.migrate.TransactionMode;
import dev.migrate.Vocabulary;
import dev.migrate.history.HistoryRow;
import dev.migrate.history.HistoryStatus;
import dev.migrate.history.HistoryType;
import dev.migrate.resolver.ClassFileCrc;
import dev.migrate.resolver.ClassFileSource;
import dev.migrate.resolver.Fingerprinter;
import dev.migrate.resolver.MigrationResolver;
import dev.migrate.resolver.MigrationSource;
import dev.migrate.resolver.ResolvedMigration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how {@link MergedMigrations} checks many applied migrations' class files
 * against the hashes recorded with their checksums: where a jar records each class file's
 * CRC, on the calling thread, reading only the class files that changed; else spread over
 * threads. Either way, the same verdicts.
 */
class MergedMigrationsClassHashTests {

	private static final int COUNT = 300;

	private static final String CHANGED_VERSION = "150";

	private static final String APPLIED = Applied.class.getName();

	@Test
	void classFilesWhoseCrcAJarRecordsAreCheckedOnTheCallingThreadReadingOnlyTheChangedOne() throws IOException {
		RecordingClassFiles classFiles = new RecordingClassFiles(true);
		List<String> problems = validate(classFiles);
		assertThat(problems).singleElement()
			.asString()
			.contains("Migration " + CHANGED_VERSION + " ")
			.contains("was changed after it was applied");
		assertThat(classFiles.crcThreads).containsExactly(Thread.currentThread());
		assertThat(classFiles.crcCalls).hasValue(COUNT);
		// Fingerprinted to compare: the changed one alone.
		assertThat(classFiles.reads).hasValue(1);
	}

	@Test
	void classFilesThatMustBeReadGiveTheSameVerdicts() throws IOException {
		RecordingClassFiles classFiles = new RecordingClassFiles(false);
		List<String> problems = validate(classFiles);
		assertThat(problems).singleElement()
			.asString()
			.contains("Migration " + CHANGED_VERSION + " ")
			.contains("was changed after it was applied");
		assertThat(classFiles.crcCalls).hasValue(COUNT);
		assertThat(classFiles.reads).hasValue(1);
	}

	private static List<String> validate(RecordingClassFiles classFiles) throws IOException {
		byte[] bytes = Objects.requireNonNull(ClassFileSource.of(Applied.class.getClassLoader()).read(APPLIED));
		String checksum = checksumOf(new Applied());
		String otherChecksum = checksumOf(new Other());
		ClassFileCrc crc = ClassFileCrc.of(bytes);
		List<MigrationSource> sources = new ArrayList<>();
		List<HistoryRow> rows = new ArrayList<>();
		for (int i = 1; i <= COUNT; i++) {
			String version = String.valueOf(i);
			sources.add(new MigrationSource("applied" + i, APPLIED, version, "", TransactionMode.DEFAULT, "", true,
					classFiles, Applied::new));
			boolean changed = version.equals(CHANGED_VERSION);
			// The changed one: recorded with another checksum and the hash of another
			// class file, as if its class was edited after it was applied.
			rows.add(new HistoryRow(i, dev.migrate.Version.parse(version), HistoryType.MIGRATION, HistoryStatus.SUCCESS,
					changed ? otherChecksum : checksum, 2,
					new HistoryRow.Audit("Applied " + i, "applied" + i, APPLIED, "dba",
							Instant.parse("2026-03-01T10:00:00Z"), Duration.ofMillis(1), null, null, null),
					changed ? "0" : Fingerprinter.classHash(checksum, crc)));
		}
		List<ResolvedMigration> migrations = MigrationResolver.resolveSources(sources);
		MergedMigrations merged = new MergedMigrations(migrations, rows, ChecksumCheck.readingClassFiles(),
				ChecksumValidation.FAIL);
		return merged.validate(false, TransactionMode.PER_MIGRATION)
			.stream()
			.map((problem) -> problem.render(Vocabulary.ENGINE))
			.toList();
	}

	private static String checksumOf(Object bean) {
		return MigrationResolver.resolve(List.of(bean)).get(0).checksum();
	}

	/**
	 * The class file of {@link Applied}, with a CRC recorded or not, counting the
	 * look-ups and reads.
	 */
	private static final class RecordingClassFiles implements ClassFileSource {

		private final boolean recordsCrc;

		final Set<Thread> crcThreads = ConcurrentHashMap.newKeySet();

		final AtomicInteger crcCalls = new AtomicInteger();

		final AtomicInteger reads = new AtomicInteger();

		private final ClassFileSource delegate = ClassFileSource.of(Applied.class.getClassLoader());

		RecordingClassFiles(boolean recordsCrc) {
			this.recordsCrc = recordsCrc;
		}

		@Override
		public byte @Nullable [] read(String className) throws IOException {
			this.reads.incrementAndGet();
			return this.delegate.read(className);
		}

		@Override
		public @Nullable ClassFileCrc crc(String className) throws IOException {
			this.crcThreads.add(Thread.currentThread());
			this.crcCalls.incrementAndGet();
			byte[] bytes = this.delegate.read(className);
			return (bytes != null) ? ClassFileCrc.of(bytes) : null;
		}

		@Override
		public boolean recordsCrc(String className) {
			return this.recordsCrc;
		}

	}

	@Migration(version = "1")
	static class Applied {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE applied (id INT)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE applied");
		}

	}

	@Migration(version = "1")
	static class Other {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE other (id INT)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE other");
		}

	}

}
