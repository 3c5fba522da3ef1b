package dev.migrate.boot.autoconfigure;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.util.ReflectionUtils;

/**
 * Describes {@code migrate.*} keys that no property of {@link MigrateProperties} binds: a
 * typo such as {@code migrate.enable=false} would otherwise be ignored, and migrate would
 * do what it does by default. Names each key with its value and origin, the properties it
 * is close to, and the valid ones.
 */
final class MigrateUnknownProperties {

	private static final ConfigurationPropertyName MIGRATE = ConfigurationPropertyName.of("migrate");

	private MigrateUnknownProperties() {
	}

	/**
	 * The unknown {@code migrate.*} keys a failure reports, if it is the failure of
	 * binding them.
	 * @param failure the failure, or any exception around it
	 * @return the keys, with their values and origins; empty if the failure is another
	 */
	static List<ConfigurationProperty> in(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof UnboundConfigurationPropertiesException unbound) {
				return unbound.getUnboundProperties()
					.stream()
					.filter((property) -> MIGRATE.isAncestorOf(property.getName()))
					.sorted(Comparator.comparing((property) -> property.getName().toString()))
					.toList();
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return List.of();
	}

	/**
	 * What is wrong: each unknown key, with its value, origin and near matches.
	 * @param unknown the unknown keys
	 * @return the description
	 */
	static String describe(List<ConfigurationProperty> unknown) {
		StringBuilder description = new StringBuilder(
				"Unknown migrate properties: migrate has no property by these names, so they would be ignored and"
						+ " migrate would do what it does by default. Nothing was changed in the database.");
		for (ConfigurationProperty property : unknown) {
			description.append(System.lineSeparator())
				.append("- ")
				.append(property.getName())
				.append('=')
				.append(property.getValue());
			if (property.getOrigin() != null) {
				description.append(" (").append(property.getOrigin()).append(')');
			}
			List<String> matches = nearMatches(property.getName().toString());
			if (!matches.isEmpty()) {
				description.append(": did you mean ").append(String.join(" or ", matches)).append('?');
			}
		}
		return description.toString();
	}

	/**
	 * What to do about the unknown keys.
	 * @return the action
	 */
	static String action() {
		return "Correct or remove the properties named above. The properties of migrate are: "
				+ validNames().stream().collect(Collectors.joining(", ")) + ".";
	}

	/**
	 * The valid names closest to a name, by edit distance of their canonical forms.
	 * @param name an unknown name
	 * @return the close valid names, closest first
	 */
	static List<String> nearMatches(String name) {
		String uniform = uniform(name);
		int limit = Math.max(2, uniform.length() / 5);
		List<String> matches = new ArrayList<>();
		int best = Integer.MAX_VALUE;
		for (String valid : validNames()) {
			String candidate = uniform(valid);
			int distance = distance(uniform, candidate);
			if (distance > limit && !(candidate.startsWith(uniform) || uniform.startsWith(candidate))) {
				continue;
			}
			if (distance < best) {
				matches.clear();
				best = distance;
			}
			if (distance == best) {
				matches.add(valid);
			}
		}
		return matches;
	}

	/**
	 * Every {@code migrate.*} property, as written in {@code application.properties}.
	 * @return the names, in alphabetical order
	 */
	static List<String> validNames() {
		List<String> names = new ArrayList<>();
		collect("migrate", MigrateProperties.class, names);
		names.sort(null);
		return names;
	}

	private static void collect(String prefix, Class<?> type, List<String> names) {
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() == null || "class".equals(descriptor.getName())) {
				continue;
			}
			// A property whose name is a Java keyword (migrate.generate.package) is bound
			// through @Name on its field.
			Field field = ReflectionUtils.findField(type, descriptor.getName());
			Name rename = (field != null) ? field.getAnnotation(Name.class) : null;
			String name = prefix + "." + ((rename != null) ? rename.value() : dashed(descriptor.getName()));
			Class<?> propertyType = descriptor.getPropertyType();
			if (propertyType != null && propertyType.getEnclosingClass() == MigrateProperties.class
					&& !propertyType.isEnum()) {
				// A group of properties, such as migrate.group.name.
				collect(name, propertyType, names);
			}
			else if (descriptor.getWriteMethod() != null
					|| (propertyType != null && Map.class.isAssignableFrom(propertyType))) {
				// A map binds through its getter: migrate.databases.<name>.*.
				names.add(name);
			}
		}
	}

	private static String dashed(String camelCase) {
		StringBuilder dashed = new StringBuilder();
		for (char c : camelCase.toCharArray()) {
			if (Character.isUpperCase(c)) {
				dashed.append('-').append(Character.toLowerCase(c));
			}
			else {
				dashed.append(c);
			}
		}
		return dashed.toString();
	}

	// The form Spring Boot's relaxed binding compares: lower case, no dashes.
	private static String uniform(String name) {
		return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	static @Nullable String describeOrNull(Throwable failure) {
		List<ConfigurationProperty> unknown = in(failure);
		return unknown.isEmpty() ? null : describe(unknown);
	}

}
