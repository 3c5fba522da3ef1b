package dev.migrate.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.migrate.index.MigrationIndexProcessor;
import org.eclipse.jdt.core.compiler.batch.BatchCompiler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sources compiled during a test, with or without migrate's annotation processor (which
 * writes the index of migrations beside the classes), and the classes put in a jar.
 */
public final class CompiledClasses {

	private static final Pattern PUBLIC_TYPE = Pattern
		.compile("public\\s+(?:(?:abstract|final|sealed)\\s+)*(?:class|interface|enum|record)\\s+(\\w+)");

	private CompiledClasses() {
	}

	/**
	 * Compile sources against the test's class path.
	 * @param sourceDirectory where to write the source files
	 * @param classes where to write the class files
	 * @param withProcessor whether migrate's annotation processor runs
	 * @param sources the sources, each one public class
	 * @throws IOException if a file cannot be written
	 */
	public static void compile(Path sourceDirectory, Path classes, boolean withProcessor, String... sources)
			throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		List<String> files = write(sourceDirectory, sources);
		List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
				System.getProperty("java.class.path"), "-proc:" + (withProcessor ? "full" : "none")));
		if (withProcessor) {
			arguments.addAll(List.of("-processor", MigrationIndexProcessor.class.getName()));
		}
		arguments.addAll(files);
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		int exit = compiler.run(null, errors, errors, arguments.toArray(String[]::new));
		assertThat(exit).as(errors.toString(StandardCharsets.UTF_8)).isZero();
	}

	/**
	 * Compile sources with Eclipse's compiler (as Eclipse, VS Code's Java support and
	 * other ECJ builds do) against the test's class path, migrate's annotation processor
	 * running. Needs ECJ on the test's class path.
	 * @param sourceDirectory where to write the source files
	 * @param classes where to write the class files
	 * @param sources the sources, each one public class
	 * @throws IOException if a file cannot be written
	 */
	public static void compileWithEcj(Path sourceDirectory, Path classes, String... sources) throws IOException {
		List<String> arguments = new ArrayList<>(
				List.of("-17", "-nowarn", "-encoding", "UTF-8", "-d", classes.toString(), "-classpath",
						System.getProperty("java.class.path"), "-processor", MigrationIndexProcessor.class.getName()));
		arguments.addAll(write(sourceDirectory, sources));
		StringWriter messages = new StringWriter();
		PrintWriter writer = new PrintWriter(messages);
		boolean compiled = BatchCompiler.compile(arguments.toArray(String[]::new), writer, writer, null);
		writer.flush();
		assertThat(compiled).as(messages.toString()).isTrue();
	}

	private static List<String> write(Path sourceDirectory, String... sources) throws IOException {
		List<String> files = new ArrayList<>();
		for (String source : sources) {
			Matcher type = PUBLIC_TYPE.matcher(source);
			if (!type.find()) {
				throw new IllegalArgumentException("No public type in " + source);
			}
			String name = type.group(1);
			Path file = sourceDirectory.resolve(name + ".java");
			Files.writeString(file, source, StandardCharsets.UTF_8);
			files.add(file.toString());
		}
		return files;
	}

	/**
	 * Put compiled classes in a jar: the files below {@code META-INF} at its root, the
	 * class files below a prefix (empty, or {@code BOOT-INF/classes/} as Spring Boot lays
	 * them out).
	 * @param classes the compiled classes
	 * @param jar the jar to write
	 * @param classesPrefix the prefix of the class files' entries
	 * @return the jar
	 * @throws IOException if it cannot be written
	 */
	public static Path jar(Path classes, Path jar, String classesPrefix) throws IOException {
		try (JarOutputStream output = new JarOutputStream(Files.newOutputStream(jar));
				Stream<Path> files = Files.walk(classes)) {
			Set<String> directories = new HashSet<>();
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				String path = classes.relativize(file).toString().replace('\\', '/');
				String entry = path.startsWith("META-INF/") ? path : classesPrefix + path;
				// Directory entries, as a build writes them: class path scanning lists a
				// package through them.
				for (int slash = entry.indexOf('/'); slash > 0; slash = entry.indexOf('/', slash + 1)) {
					if (directories.add(entry.substring(0, slash + 1))) {
						output.putNextEntry(new JarEntry(entry.substring(0, slash + 1)));
						output.closeEntry();
					}
				}
				output.putNextEntry(new JarEntry(entry));
				output.write(Files.readAllBytes(file));
				output.closeEntry();
			}
		}
		return jar;
	}

}
