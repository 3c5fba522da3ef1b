package dev.migrate.resolver;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.eclipse.jdt.core.compiler.batch.BatchCompiler;
import org.jspecify.annotations.Nullable;

import org.springframework.util.FileSystemUtils;

/**
 * Compiles migration sources at test time with the compilers users build with: the
 * running JDK's javac (through {@code javax.tools}), another JDK's javac (run as a
 * process) and Eclipse's ECJ.
 */
final class TestCompilers {

	/** System property, then environment variable, naming a JDK 25 home. */
	static final String JDK25_PROPERTY = "migrate.test.jdk25.home";

	static final String JDK25_VARIABLE = "MIGRATE_TEST_JDK25_HOME";

	private TestCompilers() {
	}

	/** A compiler and its options. */
	interface Compiler {

		String name();

		/**
		 * Compile sources to class files.
		 * @param sources source text by binary class name
		 * @return class file bytes by binary class name
		 */
		Map<String, byte[]> compile(Map<String, String> sources);

	}

	/**
	 * The running JDK's javac.
	 * @param release the {@code --release}
	 * @param options further options
	 * @return the compiler
	 */
	static Compiler javac(int release, String... options) {
		return new DirectoryCompiler(
				"javac " + Runtime.version().feature() + " --release " + release + " " + String.join(" ", options)) {

			@Override
			void compile(Path sources, List<String> files, Path output) {
				JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
				List<String> arguments = new ArrayList<>(List.of("--release", String.valueOf(release), "-nowarn",
						"-proc:none", "-encoding", "UTF-8", "-cp", classPath(), "-d", output.toString()));
				arguments.addAll(List.of(options));
				arguments.addAll(files);
				ByteArrayOutputStream messages = new ByteArrayOutputStream();
				int status = javac.run(null, messages, messages, arguments.toArray(String[]::new));
				if (status != 0) {
					throw new IllegalStateException(
							name() + " failed (" + status + "): " + messages.toString(StandardCharsets.UTF_8));
				}
			}

		};
	}

	/**
	 * The javac of another JDK, run as a process.
	 * @param javaHome the JDK's home
	 * @param release the {@code --release}
	 * @param options further options
	 * @return the compiler
	 */
	static Compiler javacProcess(Path javaHome, int release, String... options) {
		return new DirectoryCompiler(
				"javac " + javaHome.getFileName() + " --release " + release + " " + String.join(" ", options)) {

			@Override
			void compile(Path sources, List<String> files, Path output) throws IOException, InterruptedException {
				// A short-lived compiler starts faster with the C1 compiler only.
				List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/javac").toString(),
						"-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "--release", String.valueOf(release),
						"-nowarn", "-proc:none", "-encoding", "UTF-8", "-cp", classPath(), "-d", output.toString()));
				command.addAll(List.of(options));
				command.addAll(files);
				Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
				String messages = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
					process.destroyForcibly();
					throw new IllegalStateException(name() + " failed: " + messages);
				}
			}

		};
	}

	/**
	 * Eclipse's compiler, as IDEs and VS Code build.
	 * @param release the compliance level ({@code -17}, {@code -21})
	 * @param options further options
	 * @return the compiler
	 */
	static Compiler ecj(int release, String... options) {
		return new DirectoryCompiler("ecj -" + release + " " + String.join(" ", options)) {

			@Override
			void compile(Path sources, List<String> files, Path output) {
				List<String> arguments = new ArrayList<>(List.of("-" + release, "-nowarn", "-proc:none", "-encoding",
						"UTF-8", "-cp", classPath(), "-d", output.toString()));
				arguments.addAll(List.of(options));
				arguments.addAll(files);
				StringWriter messages = new StringWriter();
				PrintWriter writer = new PrintWriter(messages);
				if (!BatchCompiler.compile(arguments.toArray(String[]::new), writer, writer, null)) {
					throw new IllegalStateException(name() + " failed: " + messages);
				}
			}

		};
	}

	/**
	 * A JDK 25 to compile with: the one named by {@value #JDK25_PROPERTY} or
	 * {@value #JDK25_VARIABLE}, else one under {@code /usr/lib/jvm} whose {@code release}
	 * file says so.
	 * @return its home, or {@code null} if there is none
	 */
	static @Nullable Path jdk25() {
		String configured = System.getProperty(JDK25_PROPERTY, System.getenv(JDK25_VARIABLE));
		if (configured != null && !configured.isBlank()) {
			Path home = Path.of(configured);
			return isJdk(home, 25) ? home : null;
		}
		Path jvms = Path.of("/usr/lib/jvm");
		if (!Files.isDirectory(jvms)) {
			return null;
		}
		try (Stream<Path> homes = Files.list(jvms)) {
			return homes.sorted().filter((home) -> isJdk(home, 25)).findFirst().orElse(null);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static boolean isJdk(Path home, int feature) {
		Path release = home.resolve("release");
		if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/javac"))) {
			return false;
		}
		Properties properties = new Properties();
		try {
			properties.load(Files.newBufferedReader(release, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return false;
		}
		String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
		return version.equals(String.valueOf(feature)) || version.startsWith(feature + ".");
	}

	/** The test class path: migrate-core, Spring JDBC and what they need. */
	static String classPath() {
		return System.getProperty("java.class.path");
	}

	/** A compiler that reads sources from a directory and writes class files to one. */
	private abstract static class DirectoryCompiler implements Compiler {

		private final String name;

		DirectoryCompiler(String name) {
			this.name = name.trim();
		}

		@Override
		public String name() {
			return this.name;
		}

		abstract void compile(Path sources, List<String> files, Path output) throws IOException, InterruptedException;

		@Override
		public Map<String, byte[]> compile(Map<String, String> sources) {
			Path directory = null;
			try {
				directory = Files.createTempDirectory("migrate-fingerprint");
				Path sourceDirectory = directory.resolve("src");
				Path output = Files.createDirectories(directory.resolve("classes"));
				List<String> files = new ArrayList<>();
				for (Map.Entry<String, String> source : sources.entrySet()) {
					Path file = sourceDirectory.resolve(source.getKey().replace('.', File.separatorChar) + ".java");
					Files.createDirectories(file.getParent());
					Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
					files.add(file.toString());
				}
				compile(sourceDirectory, files, output);
				Map<String, byte[]> classes = new TreeMap<>();
				try (Stream<Path> paths = Files.walk(output)) {
					for (Path path : paths.filter((path) -> path.toString().endsWith(".class"))
						.sorted(Comparator.naturalOrder())
						.toList()) {
						String relative = output.relativize(path).toString();
						String className = relative.substring(0, relative.length() - ".class".length())
							.replace(File.separatorChar, '.');
						classes.put(className, Files.readAllBytes(path));
					}
				}
				return classes;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			finally {
				if (directory != null) {
					try {
						FileSystemUtils.deleteRecursively(directory);
					}
					catch (IOException ex) {
						// A temporary directory left behind is harmless.
					}
				}
			}
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
