package dev.migrate.boot.autoconfigure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the configuration metadata generated from {@link MigrateProperties}.
 */
class MigratePropertiesMetadataTests {

	@Test
	void everyMigratePropertyHasADescription() throws Exception {
		List<String> names = new ArrayList<>();
		List<String> undescribed = new ArrayList<>();
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
				String name = property.get("name").asString();
				if (name.startsWith("migrate.")) {
					names.add(name);
					JsonNode description = property.get("description");
					if (description == null || description.asString().isBlank()) {
						undescribed.add(name);
					}
				}
			}
		}
		assertThat(names).contains("migrate.enabled", "migrate.table", "migrate.schema", "migrate.transaction-mode",
				"migrate.out-of-order", "migrate.lock-timeout", "migrate.lock-lease", "migrate.baseline-version",
				"migrate.baseline-on-migrate", "migrate.target", "migrate.steps", "migrate.plan-output",
				"migrate.command", "migrate.url", "migrate.user", "migrate.password", "migrate.installed-by",
				"migrate.tenants.enabled", "migrate.tenants.names", "migrate.tenants.parallelism",
				"migrate.tenants.failure-policy", "migrate.tenants.fail-on-error", "migrate.tenants.progress-interval",
				"migrate.tenants.database", "migrate.databases");
		assertThat(undescribed).as("migrate properties without a description").isEmpty();
	}

}
