package dev.migrate.boot.autoconfigure;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.migrate.index.MigrationIndex;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Keeps the migrations that the build-time index lists out of component scanning
 * ({@code migrate.index.enabled}): the engine takes them from the index, so a start with
 * nothing pending pays no bean definition for them. Registered by
 * {@link MigrationIndexInitializer} before the application's configuration is parsed.
 * Supplies the index of the migrations that scanning met and left out: those are the
 * application's, as scanning would have registered them, while a listed class outside the
 * scanned packages is not.
 */
final class MigrationIndexExcludeFilter extends TypeExcludeFilter implements Supplier<MigrationIndex> {

	static final String BEAN_NAME = "dev.migrate.boot.autoconfigure.migrationIndexExcludeFilter";

	private final MigrationIndex index;

	private final Set<String> classNames;

	private final Set<String> excluded = ConcurrentHashMap.newKeySet();

	MigrationIndexExcludeFilter(MigrationIndex index) {
		this.index = index;
		this.classNames = index.entries()
			.stream()
			.map(MigrationIndex.Entry::className)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public boolean match(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory) {
		String className = metadataReader.getClassMetadata().getClassName();
		if (this.classNames.contains(className)) {
			this.excluded.add(className);
			return true;
		}
		return false;
	}

	/**
	 * The index of the listed migrations that component scanning has left out so far.
	 */
	@Override
	public MigrationIndex get() {
		return this.index.only(this.excluded);
	}

	/**
	 * The index of the migrations that component scanning left out in a context, or
	 * {@code null}.
	 */
	static @Nullable MigrationIndex of(ConfigurableListableBeanFactory beanFactory) {
		return (beanFactory.containsSingleton(BEAN_NAME)
				&& beanFactory.getSingleton(BEAN_NAME) instanceof MigrationIndexExcludeFilter filter) ? filter.get()
						: null;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof MigrationIndexExcludeFilter filter && this.classNames.equals(filter.classNames);
	}

	@Override
	public int hashCode() {
		return this.classNames.hashCode();
	}

}
