package dev.migrate.boot.autoconfigure;

import java.util.Set;
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
 * {@link MigrationIndexInitializer} before the application's configuration is parsed, and
 * holds the index for the auto-configuration.
 */
final class MigrationIndexExcludeFilter extends TypeExcludeFilter {

	static final String BEAN_NAME = "dev.migrate.boot.autoconfigure.migrationIndexExcludeFilter";

	private final MigrationIndex index;

	private final Set<String> classNames;

	MigrationIndexExcludeFilter(MigrationIndex index) {
		this.index = index;
		this.classNames = index.entries()
			.stream()
			.map(MigrationIndex.Entry::className)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public boolean match(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory) {
		return this.classNames.contains(metadataReader.getClassMetadata().getClassName());
	}

	MigrationIndex index() {
		return this.index;
	}

	/**
	 * The index of a context whose component scanning leaves indexed migrations out, or
	 * {@code null}.
	 */
	static @Nullable MigrationIndex of(ConfigurableListableBeanFactory beanFactory) {
		return (beanFactory.containsSingleton(BEAN_NAME)
				&& beanFactory.getSingleton(BEAN_NAME) instanceof MigrationIndexExcludeFilter filter) ? filter.index
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
