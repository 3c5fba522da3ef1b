package dev.migrate.sample;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application, started for real on a migrated database: the migrations ran
 * before JPA validated the schema, the actuator shows them, and the REST endpoints work
 * against the migrated tables. One subclass per database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class AbstractSampleApplicationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	private RestClient http;

	@BeforeEach
	void createClient() {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	@Test
	void migrationsEndpointListsEveryMigrationAsApplied() {
		String json = get("/actuator/migrations");

		List<String> versions = JsonPath.read(json, "$..migrations[*].version");
		List<String> states = JsonPath.read(json, "$..migrations[*].state");
		List<String> descriptions = JsonPath.read(json, "$..migrations[*].description");
		assertThat(versions).containsExactly("1", "2", "3", "4");
		assertThat(states).containsOnly("APPLIED");
		assertThat(descriptions).containsExactly("Create users table", "Create reports table",
				"Add approved flag to reports", "Seed admin user");
	}

	@Test
	void healthIsUpWithMigrationsCounted() {
		String json = get("/actuator/health");

		assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("UP");
		assertThat((String) JsonPath.read(json, "$.components.migrations.status")).isEqualTo("UP");
		assertThat((Integer) JsonPath.read(json, "$.components.migrations.details.applied")).isEqualTo(4);
		assertThat((Integer) JsonPath.read(json, "$.components.migrations.details.pending")).isZero();
		assertThat((String) JsonPath.read(json, "$.components.migrations.details.currentVersion")).isEqualTo("4");
	}

	@Test
	void historyTableRecordsEachMigrationOnce() {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("SELECT version, status FROM migrate_history ORDER BY installed_rank");

		assertThat(rows).extracting((row) -> row.get("version") + ":" + row.get("status"))
			.containsExactly("1:SUCCESS", "2:SUCCESS", "3:SUCCESS", "4:SUCCESS");
	}

	@Test
	void usersAndReportsWorkAgainstTheMigratedSchema() {
		String email = "driver-" + System.nanoTime() + "@example.com";
		String user = post("/users", Map.of("email", email, "password", "correct horse battery"));
		Number userId = JsonPath.read(user, "$.id");
		assertThat(user).doesNotContain("password");

		String created = post("/reports", Map.of("price", 12500, "make", "Toyota", "model", "Corolla", "year", 2019,
				"lng", 13.4, "lat", 52.5, "mileage", 48000, "userId", userId));
		Number reportId = JsonPath.read(created, "$.id");
		assertThat((Boolean) JsonPath.read(created, "$.approved")).isFalse();

		String approved = post("/reports/" + reportId + "/approval", Map.of());
		assertThat((Boolean) JsonPath.read(approved, "$.approved")).isTrue();

		List<String> makes = JsonPath.read(get("/reports"), "$[?(@.id == " + reportId + ")].make");
		assertThat(makes).containsExactly("Toyota");
		List<String> emails = JsonPath.read(get("/users"), "$[*].email");
		assertThat(emails).contains("admin@example.com", email);
		assertThat(this.jdbc.queryForObject("SELECT approved FROM reports WHERE id = ?", Boolean.class,
				reportId.longValue()))
			.isTrue();
	}

	@Test
	void rejectsAReportForAnUnknownUser() {
		var response = this.http.post()
			.uri("/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("price", 1, "make", "Fiat", "model", "Panda", "year", 2001, "lng", 0, "lat", 0, "mileage", 1,
					"userId", 999_999))
			.retrieve()
			.toBodilessEntity();

		assertThat(response.getStatusCode().value()).isEqualTo(400);
	}

	private String get(String path) {
		return this.http.get().uri(path).retrieve().body(String.class);
	}

	private String post(String path, Object body) {
		return this.http.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(String.class);
	}

}
