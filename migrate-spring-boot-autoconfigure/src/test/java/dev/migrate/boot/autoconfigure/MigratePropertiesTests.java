package dev.migrate.boot.autoconfigure;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import dev.migrate.MigrateDefaults;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults of {@link MigrateProperties} are the engine's: the properties keep them as
 * literals, which the configuration metadata needs, and this test keeps both in step.
 */
class MigratePropertiesTests {

	private final MigrateProperties properties = new MigrateProperties();

	@Test
	void defaultsAreTheEngines() {
		assertThat(this.properties.isEnabled()).isTrue();
		assertThat(this.properties.getTable()).isEqualTo(MigrateDefaults.HISTORY_TABLE);
		assertThat(this.properties.getLocations()).containsExactly(MigrateDefaults.SQL_LOCATION);
		assertThat(this.properties.getSchema()).isNull();
		assertThat(this.properties.getTransactionMode()).isEqualTo(MigrateDefaults.TRANSACTION_MODE);
		assertThat(this.properties.isOutOfOrder()).isFalse();
		assertThat(this.properties.getValidateChecksums()).isEqualTo(MigrateDefaults.VALIDATE_CHECKSUMS);
		assertThat(this.properties.getLockTimeout()).isEqualTo(MigrateDefaults.LOCK_TIMEOUT);
		assertThat(this.properties.getLockLease()).isEqualTo(MigrateDefaults.LOCK_LEASE);
		assertThat(this.properties.getBaselineVersion()).isEqualTo(MigrateDefaults.BASELINE_VERSION);
		assertThat(this.properties.isBaselineOnMigrate()).isFalse();
		assertThat(this.properties.getInstalledBy()).isNull();
		assertThat(this.properties.getOnStartup()).isEqualTo(MigrateStartupMode.MIGRATE);
		assertThat(this.properties.getFlywayHistory()).isEqualTo(MigrateDefaults.FLYWAY_HISTORY);
		assertThat(this.properties.getConnectRetries()).isEqualTo(MigrateDefaults.CONNECT_RETRIES);
		assertThat(this.properties.getConnectRetriesInterval()).isEqualTo(MigrateDefaults.CONNECT_RETRIES_INTERVAL);
	}

	@Test
	void metadataShowsTheEnginesDefaults() throws Exception {
		Map<String, String> defaults = new HashMap<>();
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
				JsonNode value = property.get("defaultValue");
				if (value != null) {
					defaults.put(property.get("name").asString(),
							value.isArray() ? String.join(",", value.valueStream().map(JsonNode::asString).toList())
									: value.asString());
				}
			}
		}
		assertThat(defaults).containsEntry("migrate.table", MigrateDefaults.HISTORY_TABLE)
			.containsEntry("migrate.baseline-version", MigrateDefaults.BASELINE_VERSION)
			.containsEntry("migrate.enabled", "true")
			.containsEntry("migrate.locations", MigrateDefaults.SQL_LOCATION);
	}

}
