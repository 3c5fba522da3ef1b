package dev.migrate.resolver;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.Migration;
import dev.migrate.MigrationContext;
import dev.migrate.MigrationDefinitionException;
import dev.migrate.TransactionMode;
import dev.migrate.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Finds migrations written as SQL files under locations such as
 * {@code classpath:db/migration}, named the Flyway way:
 * {@code V<version>__<description>.sql} applies a migration, an optional
 * {@code U<version>__<description>.sql} undoes it. Versions use {@code .} or {@code _}
 * between their numbers ({@code V1_2__Add_index.sql} is version 1.2, "Add index"). Other
 * {@code .sql} files are left alone, apart from names that look meant as migrations but
 * are not valid, which are reported.
 * <p>
 * The checksum ({@link #ALGORITHM sql1}) is a SHA-256 of both files' text, read as UTF-8
 * with line endings and a byte-order mark normalized, so a checkout on Windows gives the
 * same value.
 *
 * @since 0.1.0
 */
public final class SqlFileMigrations {

	/** The checksum algorithm of SQL-file migrations. */
	public static final String ALGORITHM = "sql1";

	private static final Pattern NAME = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

	private static final Pattern MEANT_AS_MIGRATION = Pattern.compile("[VUR]\\d.*\\.sql|[VUR]__.*\\.sql");

	private static final int CHECKSUM_BYTES = 16;

	private SqlFileMigrations() {
	}

	/**
	 * Find the SQL-file migrations under some locations. A location that does not exist
	 * holds none.
	 * @param locations Spring resource locations of folders, such as
	 * {@code classpath:db/migration}; folders below them are searched too
	 * @param classLoader where {@code classpath:} locations are looked up
	 * @return the migrations, ordered by version
	 * @throws MigrationDefinitionException naming every file that is not a valid
	 * migration, an undo file without its migration, or two files of one version
	 */
	public static List<ResolvedMigration> find(List<String> locations, @Nullable ClassLoader classLoader) {
		ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		List<String> problems = new ArrayList<>();
		Map<Version, Resource> ups = new LinkedHashMap<>();
		Map<Version, Resource> downs = new LinkedHashMap<>();
		Map<Resource, String> names = new LinkedHashMap<>();
		for (String location : locations) {
			String folder = location.endsWith("/") ? location : location + "/";
			Resource[] files;
			try {
				files = resolver.getResources(folder + "**/*.sql");
			}
			catch (IOException ex) {
				// A location that is not there holds no migrations.
				continue;
			}
			for (Resource file : files) {
				String filename = file.getFilename();
				if (filename == null) {
					continue;
				}
				Matcher matcher = NAME.matcher(filename);
				if (!matcher.matches()) {
					if (MEANT_AS_MIGRATION.matcher(filename).matches()) {
						problems.add(location + " " + filename + " looks like a migration but is not named"
								+ " V<version>__<description>.sql (or U... for its undo), version numbers separated"
								+ " by . or _; repeatable (R__) migrations are not supported: rename it, or move"
								+ " it out of " + location);
					}
					continue;
				}
				String versionText = matcher.group(2).replace('_', '.');
				String versionProblem = Version.problemWith(versionText);
				if (versionProblem == null && Version.parse(versionText).equals(Version.EMPTY)) {
					versionProblem = "version 0 stands for \"before any migration\"; number migrations from 1";
				}
				else if (versionProblem == null && versionText.length() > Migration.MAX_VERSION_LENGTH) {
					versionProblem = "the version has more than " + Migration.MAX_VERSION_LENGTH
							+ " characters, more than the history table keeps";
				}
				if (versionProblem != null) {
					problems.add(location + " " + filename + ": " + versionProblem);
					continue;
				}
				Version version = Version.parse(versionText);
				names.put(file, location + " " + filename);
				Map<Version, Resource> sameKind = matcher.group(1).equals("V") ? ups : downs;
				Resource other = sameKind.putIfAbsent(version, file);
				if (other != null) {
					problems.add("Two SQL files of version " + version + ": " + names.get(other) + " and "
							+ names.get(file) + "; give one of them a new, higher version");
				}
			}
		}
		for (Map.Entry<Version, Resource> down : downs.entrySet()) {
			if (!ups.containsKey(down.getKey())) {
				problems.add("Undo file " + names.get(down.getValue()) + " has no migration V" + down.getKey()
						+ "__....sql; add it, or remove the undo file");
			}
		}
		List<ResolvedMigration> migrations = new ArrayList<>();
		for (Map.Entry<Version, Resource> up : ups.entrySet()) {
			Resource down = downs.get(up.getKey());
			try {
				migrations.add(migration(up.getKey(), up.getValue(), down, names));
			}
			catch (IOException | RuntimeException ex) {
				problems.add("Cannot read " + names.get(up.getValue()) + ": " + ex.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			throw new MigrationDefinitionException(problems);
		}
		return MigrationResolver.merge(migrations, List.of());
	}

	private static ResolvedMigration migration(Version version, Resource up, @Nullable Resource down,
			Map<Resource, String> names) throws IOException {
		String filename = String.valueOf(up.getFilename());
		Matcher matcher = NAME.matcher(filename);
		String description = matcher.matches() ? matcher.group(3).replace('_', ' ').trim() : filename;
		if (description.length() > Migration.MAX_DESCRIPTION_LENGTH) {
			throw new IllegalArgumentException("its description is longer than " + Migration.MAX_DESCRIPTION_LENGTH
					+ " characters; shorten the file name");
		}
		String checksum = ALGORITHM + ":" + checksum(text(up), (down != null) ? text(down) : null);
		SqlFileMigration bean = new SqlFileMigration(up, down);
		return new ResolvedMigration(version, description, beanName(filename), SqlFileMigration.class, bean,
				TransactionMode.DEFAULT, method("up"), (down != null) ? method("down") : null, checksum);
	}

	private static String beanName(String filename) {
		return (filename.length() <= Migration.MAX_BEAN_NAME_LENGTH) ? filename
				: filename.substring(0, Migration.MAX_BEAN_NAME_LENGTH);
	}

	private static MigrationMethod method(String name) {
		try {
			Method method = SqlFileMigration.class.getMethod(name, MigrationContext.class);
			return new MigrationMethod(method, List.of((MigrationContext context) -> context));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(Resource file) throws IOException {
		String text = file.getContentAsString(StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return text.replace("\r\n", "\n").replace('\r', '\n');
	}

	/**
	 * The checksum of a migration's files, line endings normalized.
	 * @param up the text of the {@code V} file
	 * @param down the text of the {@code U} file, or {@code null}
	 * @return the checksum value, without its algorithm tag
	 */
	static String checksum(String up, @Nullable String down) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(up.getBytes(StandardCharsets.UTF_8));
			if (down != null) {
				digest.update((byte) 0);
				digest.update(down.getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest(), 0, CHECKSUM_BYTES);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
