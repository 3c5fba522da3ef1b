package dev.migrate.testsupport;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import dev.migrate.index.MigrationIndex;
import org.jspecify.annotations.Nullable;

/**
 * A class loader that delegates to its parent, with one index of migrations (or none) on
 * its class path in place of the parent's.
 */
public final class IndexClassLoader extends ClassLoader {

	private final @Nullable URL index;

	/**
	 * A class loader whose only index of migrations is the given one.
	 * @param parent the class loader of the classes
	 * @param index the index, or {@code null} for none
	 */
	public IndexClassLoader(ClassLoader parent, @Nullable URL index) {
		super(parent);
		this.index = index;
	}

	@Override
	public @Nullable URL getResource(String name) {
		return name.equals(MigrationIndex.LOCATION) ? this.index : super.getResource(name);
	}

	@Override
	public Enumeration<URL> getResources(String name) throws IOException {
		if (name.equals(MigrationIndex.LOCATION)) {
			return (this.index != null) ? Collections.enumeration(List.of(this.index)) : Collections.emptyEnumeration();
		}
		return super.getResources(name);
	}

}
