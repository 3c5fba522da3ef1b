package dev.migrate.resolver;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Where the {@link Fingerprinter} reads class files from.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ClassFileSource {

	/**
	 * The bytes of a class file.
	 * @param className the binary name of the class, such as {@code com.example.V1Users}
	 * or {@code com.example.Migrations$V2}
	 * @return the bytes, or {@code null} when there is no such class file
	 * @throws IOException if the class file exists but cannot be read
	 */
	byte @Nullable [] read(String className) throws IOException;

	/**
	 * Class files as resources of a class loader, where a class loaded from a directory
	 * or a jar finds its own.
	 * @param classLoader the class loader
	 * @return the source
	 */
	static ClassFileSource of(ClassLoader classLoader) {
		Assert.notNull(classLoader, "'classLoader' must not be null");
		return (className) -> {
			try (InputStream input = classLoader.getResourceAsStream(resourceName(className))) {
				return (input != null) ? input.readAllBytes() : null;
			}
		};
	}

	/**
	 * The resource name of a class file: {@code com/example/V1Users.class}.
	 * @param className the binary name of the class
	 * @return the resource name
	 */
	static String resourceName(String className) {
		return className.replace('.', '/') + ".class";
	}

}
