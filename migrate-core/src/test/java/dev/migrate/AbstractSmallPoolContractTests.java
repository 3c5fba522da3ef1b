package dev.migrate;

import java.util.List;
import java.util.Locale;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.ContractMigrations.AddUsersName;
import dev.migrate.ContractMigrations.CreateOrdersTable;
import dev.migrate.ContractMigrations.CreateTagsTable;
import dev.migrate.ContractMigrations.CreateUsersTable;
import dev.migrate.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation works on a pool of two connections: the lock's and the running
 * migration's. A third connection held at the same time (such as a separate look-up of
 * the installing user) would wait for the pool's timeout and fail the operation.
 */
abstract class AbstractSmallPoolContractTests {

	private static final String HISTORY = "migrate_history";

	private TestDatabase.@Nullable Isolated isolated;

	private @Nullable HikariDataSource pool;

	protected abstract TestDatabase database();

	@BeforeEach
	void createDatabase() {
		TestDatabase.Isolated created = database().createIsolated();
		this.isolated = created;
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(created.url());
		config.setUsername(created.user());
		config.setPassword(created.password());
		config.setMaximumPoolSize(2);
		config.setMinimumIdle(0);
		config.setConnectionTimeout(2000);
		config.setPoolName("two-" + database().name().toLowerCase(Locale.ROOT));
		this.pool = new HikariDataSource(config);
	}

	@AfterEach
	void dropDatabase() {
		if (this.pool != null) {
			this.pool.close();
		}
		if (this.isolated != null) {
			this.isolated.close();
		}
	}

	@Test
	void appliesRollsBackAndValidatesWithTwoConnections() {
		Migrator migrator = Migrator.builder(pool())
			.migrations(List.of(new CreateUsersTable(), new AddUsersName(), new CreateOrdersTable()))
			.build();

		assertThat(migrator.migrate().executions()).hasSize(3);
		assertThat(history()).containsExactly("1:SUCCESS", "2:SUCCESS", "3:SUCCESS");
		assertThat(installers()).singleElement().asString().isNotBlank().isNotEqualTo("unknown");

		assertThat(migrator.rollback(2).executions()).hasSize(2);
		assertThat(history()).containsExactly("1:SUCCESS", "2:ROLLED_BACK", "3:ROLLED_BACK");
		assertThat(migrator.validate().isValid()).isTrue();
		assertThat(states(migrator)).containsExactly("1:APPLIED", "2:ROLLED_BACK", "3:ROLLED_BACK");

		assertThat(migrator.migrate().executions()).hasSize(2);
		assertThat(migrator.validate().isValid()).isTrue();
		assertThat(states(migrator)).containsExactly("1:APPLIED", "2:APPLIED", "3:APPLIED");
		assertThat(hasOrdersTable()).isTrue();
	}

	@Test
	void appliesInOneTransactionAndRedoesWithTwoConnections() {
		Migrator.builder(pool()).migrations(List.of(new CreateUsersTable())).build().migrate();
		Migrator later = Migrator.builder(pool())
			.migrations(List.of(new CreateUsersTable(), new AddUsersName(), new CreateTagsTable()))
			.transactionMode(TransactionMode.ALL)
			.build();

		assertThat(later.migrate().executions()).hasSize(2);
		assertThat(later.validate().isValid()).isTrue();
		assertThat(states(later)).containsExactly("1:APPLIED", "1.1:APPLIED", "2:APPLIED");

		Migrator reversible = Migrator.builder(pool())
			.migrations(
					List.of(new CreateUsersTable(), new CreateTagsTable(), new AddUsersName(), new CreateOrdersTable()))
			.build();
		assertThat(reversible.migrate().executions()).hasSize(1);
		assertThat(reversible.redo().executions()).hasSize(2);
		assertThat(reversible.validate().isValid()).isTrue();
		assertThat(hasOrdersTable()).isTrue();
	}

	private HikariDataSource pool() {
		HikariDataSource pool = this.pool;
		assertThat(pool).isNotNull();
		return pool;
	}

	private List<String> history() {
		return new JdbcTemplate(pool()).query("SELECT version, status FROM " + HISTORY + " ORDER BY installed_rank",
				(rs, i) -> rs.getString(1) + ":" + rs.getString(2));
	}

	private static List<String> states(Migrator migrator) {
		return migrator.info().migrations().stream().map((info) -> info.version() + ":" + info.state()).toList();
	}

	private boolean hasOrdersTable() {
		return new JdbcTemplate(pool()).queryForObject("SELECT COUNT(*) FROM orders", Integer.class) == 0;
	}

	private List<String> installers() {
		return new JdbcTemplate(pool()).queryForList("SELECT DISTINCT installed_by FROM " + HISTORY, String.class);
	}

}
