package dev.migrate.boot.autoconfigure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code migrate.*} duration reads a number without a unit as seconds, as
 * docs/configuration.md says, and takes the units it shows.
 */
class MigratePropertiesDurationTests {

	@Test
	void everyDurationPropertyReadsAPlainNumberAsSeconds() {
		Map<String, Function<MigrateProperties, Duration>> durations = durationProperties();
		assertThat(durations).containsKeys("migrate.lock-timeout", "migrate.lock-lease",
				"migrate.connect-retries-interval", "migrate.tenants.progress-interval");
		Map<String, Duration> bound = new LinkedHashMap<>();
		durations.forEach((name, getter) -> bound.put(name, getter.apply(bind(name, "90"))));
		assertThat(bound).allSatisfy((name, value) -> assertThat(value).as(name).isEqualTo(Duration.ofSeconds(90)));
	}

	@Test
	void everyDurationPropertyTakesTheUnitsTheDocumentationShows() {
		durationProperties().forEach((name, getter) -> {
			assertThat(getter.apply(bind(name, "500ms"))).as(name).isEqualTo(Duration.ofMillis(500));
			assertThat(getter.apply(bind(name, "5m"))).as(name).isEqualTo(Duration.ofMinutes(5));
			assertThat(getter.apply(bind(name, "1h"))).as(name).isEqualTo(Duration.ofHours(1));
		});
	}

	private static MigrateProperties bind(String name, String value) {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(name, value)));
		return binder.bindOrCreate("migrate", MigrateProperties.class);
	}

	/**
	 * The duration properties of {@link MigrateProperties} and of its nested groups,
	 * found from the fields, so that one added later is covered too.
	 */
	private static Map<String, Function<MigrateProperties, Duration>> durationProperties() {
		Map<String, Function<MigrateProperties, Duration>> durations = new LinkedHashMap<>();
		collect(MigrateProperties.class, "migrate", List.of(), durations);
		return durations;
	}

	private static void collect(Class<?> type, String prefix, List<Field> path,
			Map<String, Function<MigrateProperties, Duration>> durations) {
		for (Field field : type.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers())) {
				continue;
			}
			String name = prefix + "." + propertyName(field);
			List<Field> fieldPath = new ArrayList<>(path);
			fieldPath.add(field);
			if (field.getType() == Duration.class) {
				durations.put(name, (properties) -> (Duration) read(properties, fieldPath));
			}
			else if (field.getType().getDeclaringClass() == MigrateProperties.class && !field.getType().isEnum()) {
				collect(field.getType(), name, fieldPath, durations);
			}
		}
	}

	private static String propertyName(Field field) {
		Name name = field.getAnnotation(Name.class);
		String javaName = (name != null) ? name.value() : field.getName();
		return javaName.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
	}

	private static Object read(Object target, List<Field> path) {
		Object value = target;
		for (Field field : path) {
			field.setAccessible(true);
			try {
				value = field.get(value);
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return value;
	}

}
