package dev.migrate.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@link ReliabilityApplication} in a JVM of its own, with its output in a
 * file.
 */
final class AppProcess implements AutoCloseable {

	private final Process process;

	private final Path output;

	private AppProcess(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	static AppProcess start(Path output, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx192m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-Xshare:auto");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ReliabilityApplication.class.getName());
		command.add("--logging.level.root=WARN");
		command.add("--logging.level.dev.migrate=INFO");
		command.add("--spring.main.banner-mode=off");
		command.addAll(List.of(arguments));
		try {
			Files.createDirectories(output.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().remove("MIGRATE_ENABLED");
			return new AppProcess(builder.start(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int waitForExit(long seconds) throws InterruptedException {
		if (!this.process.waitFor(seconds, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
			throw new AssertionError("process did not end within " + seconds + " s; output:\n" + output());
		}
		return this.process.exitValue();
	}

	/** Kill the process as {@code kill -9} does: no shutdown hooks, no clean-up. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/**
	 * Kill the process if it still runs: a test that failed half-way must not leave one
	 * holding locks on the database its clean-up drops.
	 */
	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	String output() {
		try {
			return Files.readString(this.output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	OptionalLong reported(String prefix) {
		return output().lines()
			.filter((line) -> line.startsWith(prefix))
			.mapToLong((line) -> Long.parseLong(line.substring(prefix.length()).trim()))
			.findFirst();
	}

	static void awaitFile(Path file, long seconds, AppProcess process) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (!Files.exists(file)) {
			if (System.nanoTime() > deadline || !process.isAlive()) {
				throw new AssertionError(file + " did not appear; process output:\n" + process.output());
			}
			Thread.sleep(20);
		}
	}

}
