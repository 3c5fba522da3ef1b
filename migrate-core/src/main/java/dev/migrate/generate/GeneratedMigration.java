package dev.migrate.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.springframework.util.Assert;

/**
 * A migration written by {@link MigrationGenerator}: its Java source and what went into
 * it.
 *
 * @param packageName the package of the class
 * @param className the simple name of the class
 * @param version the version of the migration
 * @param source the Java source
 * @param differences the differences it was generated from
 * @param warnings what it could not generate, each also a comment in the source
 * @since 0.1.0
 */
public record GeneratedMigration(String packageName, String className, String version, String source,
		List<SchemaDifference> differences, List<String> warnings) {

	public GeneratedMigration {
		differences = List.copyOf(differences);
		warnings = List.copyOf(warnings);
	}

	/**
	 * The file the source belongs in, below a source directory.
	 * @param sourceDirectory the source directory, such as {@code src/main/java}
	 * @return the file
	 */
	public Path file(Path sourceDirectory) {
		Path directory = sourceDirectory;
		if (!this.packageName.isEmpty()) {
			for (String part : this.packageName.split("\\.")) {
				directory = directory.resolve(part);
			}
		}
		return directory.resolve(this.className + ".java");
	}

	/**
	 * Write the source below a source directory, creating the package's directories. An
	 * existing file is never overwritten.
	 * @param sourceDirectory the source directory
	 * @return the file written
	 * @throws FileAlreadyExistsException if the file exists
	 * @throws IOException if it cannot be written
	 */
	public Path writeTo(Path sourceDirectory) throws IOException {
		Assert.notNull(sourceDirectory, "'sourceDirectory' must not be null");
		Path file = file(sourceDirectory);
		if (Files.exists(file)) {
			throw new FileAlreadyExistsException(file.toString(), null,
					"it exists already; choose another name or remove it");
		}
		Files.createDirectories(file.getParent());
		Files.writeString(file, this.source, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
		return file;
	}

}
