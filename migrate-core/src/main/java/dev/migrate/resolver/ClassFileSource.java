package dev.migrate.resolver;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

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
	 * The CRC-32 and length of a class file, which tell an unchanged class file from the
	 * one a checksum was computed from without reading it where a jar records them. This
	 * default reads the bytes.
	 * @param className the binary name of the class
	 * @return the CRC-32 and length, or {@code null} when there is no such class file
	 * @throws IOException if the class file exists but cannot be read
	 * @since 0.2.0
	 */
	default @Nullable ClassFileCrc crc(String className) throws IOException {
		byte[] bytes = read(className);
		return (bytes != null) ? ClassFileCrc.of(bytes) : null;
	}

	/**
	 * Whether {@link #crc(String)} answers for this class file from what a jar records of
	 * it, without reading it. Checking many such class files one after another is cheaper
	 * than spreading the check over threads; class files that must be read are checked in
	 * parallel. This default answers {@code false}, as does the class loader's source,
	 * which would have to look each class file up to tell.
	 * @param className the binary name of the class
	 * @return {@code true} if its CRC-32 and length are recorded
	 * @since 0.2.0
	 */
	default boolean recordsCrc(String className) {
		return false;
	}

	/**
	 * Class files as resources of a class loader, where a class loaded from a directory
	 * or a jar finds its own.
	 * @param classLoader the class loader
	 * @return the source
	 */
	static ClassFileSource of(ClassLoader classLoader) {
		Assert.notNull(classLoader, "'classLoader' must not be null");
		return new ClassFileSource() {

			@Override
			public byte @Nullable [] read(String className) throws IOException {
				try (InputStream input = classLoader.getResourceAsStream(resourceName(className))) {
					return (input != null) ? input.readAllBytes() : null;
				}
			}

			@Override
			public @Nullable ClassFileCrc crc(String className) throws IOException {
				URL url = classLoader.getResource(resourceName(className));
				if (url == null) {
					return null;
				}
				URLConnection connection = url.openConnection();
				if (connection instanceof JarURLConnection jarConnection) {
					return crc(jarConnection);
				}
				try (InputStream input = connection.getInputStream()) {
					return ClassFileCrc.of(input.readAllBytes());
				}
			}

			private @Nullable ClassFileCrc crc(JarURLConnection connection) throws IOException {
				JarFile jar = connection.getJarFile();
				try {
					JarEntry entry = connection.getJarEntry();
					if (entry == null) {
						return null;
					}
					ClassFileCrc recorded = ClassFileCrc.recordedFor(entry);
					if (recorded != null) {
						return recorded;
					}
					try (InputStream input = jar.getInputStream(entry)) {
						return ClassFileCrc.of(input.readAllBytes());
					}
				}
				finally {
					if (!connection.getUseCaches()) {
						// Opened for this connection alone (a server can turn the cache
						// of jar connections off, as Tomcat does): else a jar file per
						// class stays open until collected.
						jar.close();
					}
				}
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
