package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a new JVM on this class path and reads the {@code RESULT key=value ...} line it
 * prints.
 */
final class Jvm {

	private Jvm() {
	}

	static Map<String, String> run(List<String> jvmOptions, Class<?> mainClass, List<String> arguments,
			boolean inheritOutput) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass.getName());
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
		if (inheritOutput) {
			builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
		}
		Process process = builder.start();
		String output = inheritOutput ? ""
				: new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = process.waitFor();
		if (exit != 0) {
			throw new IllegalStateException(
					"JVM " + String.join(" ", arguments) + " exited with " + exit + ":\n" + output);
		}
		Map<String, String> result = new HashMap<>();
		for (String line : output.split("\n")) {
			if (line.startsWith("RESULT ")) {
				for (String pair : line.substring(7).trim().split(" ")) {
					int equals = pair.indexOf('=');
					result.put(pair.substring(0, equals), pair.substring(equals + 1));
				}
			}
		}
		return result;
	}

}
