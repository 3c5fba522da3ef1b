package dev.migrate.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrate.schema.SchemaDiff;
import dev.migrate.schema.SchemaObject;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.Migration;
import dev.migrate.MigrationContext;
import dev.migrate.Migrator;
import dev.migrate.test.ReversibilityError.Problem;
import dev.migrate.schema.SchemaObject.Kind;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.test.ReversibilityReport.VerifiedMigration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The contract of {@link SchemaSnapshot} and {@link ReversibilityVerifier} on one
 * database; one subclass per database. Each test gets a fresh, empty database.
 */
abstract class AbstractReversibilityTests {

	private TestDatabase.Isolated database;

	private DataSource dataSource;

	private JdbcTemplate jdbc;

	abstract TestDatabase database();

	/**
	 * How this database reports {@code VARCHAR(n)} in the metadata.
	 */
	abstract String varchar(int length);

	@BeforeEach
	void createDatabase() {
		this.database = database().createIsolated();
		this.dataSource = this.database.dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	// Snapshots

	@Test
	void snapshotOfEmptySchemaIsEmpty() {
		SchemaSnapshot snapshot = SchemaSnapshot.of(this.dataSource);
		assertThat(snapshot.isEmpty()).as(snapshot.toString()).isTrue();
		assertThat(snapshot.diff(SchemaSnapshot.of(this.dataSource)).isEmpty()).isTrue();
	}

	@Test
	void snapshotCoversEveryKindOfObject() {
		new CreateUsers().up(this.jdbc);
		new CreateOrders().up(this.jdbc);
		this.jdbc.execute("CREATE INDEX orders_note_idx ON orders(note DESC, id)");
		this.jdbc.execute("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)");
		this.jdbc.execute("CREATE SEQUENCE invoice_seq START WITH 5 INCREMENT BY 2");
		this.jdbc.execute("CREATE VIEW approved_users AS SELECT id, email FROM users WHERE approved = TRUE");
		SchemaSnapshot snapshot = SchemaSnapshot.of(this.dataSource);
		assertThat(snapshot.tableNames()).as(snapshot.toString()).containsExactly("orders", "users");
		assertThat(snapshot.objects(Kind.COLUMN)).extracting(SchemaObject::description)
			.contains("column users.email " + varchar(100) + " NOT NULL",
					"column orders.note " + varchar(20) + " NULL");
		assertThat(snapshot.objects(Kind.COLUMN)).extracting(SchemaObject::label)
			.containsExactly("column orders.id", "column orders.user_id", "column orders.quantity",
					"column orders.note", "column users.id", "column users.email", "column users.approved");
		assertThat(snapshot.objects(Kind.PRIMARY_KEY)).extracting(SchemaObject::definition)
			.containsExactly("on orders(id)", "on users(id)");
		assertThat(snapshot.objects(Kind.FOREIGN_KEY)).extracting(SchemaObject::description)
			.containsExactly("foreign key orders_user_fk on orders(user_id) references users(id)"
					+ " ON UPDATE CASCADE ON DELETE CASCADE");
		assertThat(snapshot.objects(Kind.CHECK_CONSTRAINT)).singleElement()
			.satisfies((check) -> assertThat(check.description())
				.startsWith("check constraint orders_quantity_ck on orders CHECK (")
				.containsIgnoringCase("quantity"));
		assertThat(snapshot.objects(Kind.INDEX)).extracting(SchemaObject::description)
			.contains("index orders_note_idx on orders(note DESC, id)");
		assertThat(snapshot.objects(Kind.SEQUENCE)).singleElement()
			.satisfies((sequence) -> assertThat(sequence.description()).startsWith("sequence invoice_seq ")
				.contains("START WITH 5 INCREMENT BY 2"));
		assertThat(snapshot.objects(Kind.VIEW)).singleElement()
			.satisfies((view) -> assertThat(view.description()).startsWith("view approved_users AS ")
				.containsIgnoringCase("approved"));
		assertUniqueEmail(snapshot);
	}

	/**
	 * A unique constraint is one on most databases, a unique index on MySQL and MariaDB.
	 */
	void assertUniqueEmail(SchemaSnapshot snapshot) {
		assertThat(snapshot.objects(Kind.UNIQUE_CONSTRAINT)).extracting(SchemaObject::description)
			.containsExactly("unique constraint users_email_key on users(email)");
		assertThat(snapshot.objects(Kind.INDEX)).extracting(SchemaObject::description)
			.doesNotContain("unique index users_email_key on users(email)");
	}

	@Test
	void snapshotLeavesOutMigrateTables() {
		Migrator.builder(this.dataSource).migrations(List.of(new CreateUsers())).build().migrate();
		SchemaSnapshot snapshot = SchemaSnapshot.of(this.dataSource);
		assertThat(snapshot.tableNames()).containsExactly("users");
		assertThat(SchemaSnapshot.of(this.dataSource, null, List.of()).tableNames()).contains("users")
			.anyMatch("migrate_history"::equalsIgnoreCase);
	}

	@Test
	void diffDescribesChangedMissingAndExtraObjects() {
		new CreateUsers().up(this.jdbc);
		this.jdbc.execute("CREATE INDEX users_email_idx ON users(email)");
		SchemaSnapshot before = SchemaSnapshot.of(this.dataSource);
		this.jdbc.execute("DROP INDEX users_email_idx" + (isMariaDb() ? " ON users" : ""));
		this.jdbc.execute("CREATE TABLE reports (id INT PRIMARY KEY, title VARCHAR(10))");
		for (String statement : makeEmailShorterAndNullable()) {
			this.jdbc.execute(statement);
		}
		SchemaDiff diff = before.diff(SchemaSnapshot.of(this.dataSource));
		assertThat(diff.lines()).containsExactlyInAnyOrder(
				"column users.email " + varchar(100) + " NOT NULL is now " + varchar(50) + " NULL",
				"index users_email_idx on users(email) is missing",
				"table reports (id " + intType() + " NOT NULL, title " + varchar(10) + " NULL) is still there");
	}

	/**
	 * How this database reports {@code INT} in the metadata.
	 */
	abstract String intType();

	/**
	 * Statements that turn users.email into a nullable VARCHAR(50).
	 */
	abstract List<String> makeEmailShorterAndNullable();

	// The verifier on correct migrations

	@Test
	void verifiesCorrectMigrations() {
		ReversibilityReport report = ReversibilityVerifier
			.of(this.dataSource,
					named(new CreateUsers(), new AddEmailIndex(), new CreateOrders(), new CreateInvoiceSequence(),
							new CreateApprovedUsersView(), new AddUniqueEmail(), new AddNickname()))
			.verify();
		assertThat(report.reversibleVersions()).containsExactly("1", "2", "3", "4", "5", "6", "7");
		assertThat(report.irreversibleVersions()).isEmpty();
		assertThat(report.migrations()).first()
			.satisfies((migration) -> assertThat(migration.beanName()).isEqualTo("createUsers"));
		// Fully migrated, as the history says.
		Migrator migrator = Migrator.builder(this.dataSource).migrations(List.of()).build();
		assertThat(migrator.info().migrations()).extracting((info) -> info.state().isApplied())
			.containsExactly(true, true, true, true, true, true, true);
		assertThat(SchemaSnapshot.of(this.dataSource).tableNames()).containsExactly("orders", "users");
		assertThat(SchemaSnapshot.of(this.dataSource).objects(Kind.VIEW)).hasSize(1);
	}

	@Test
	void verifiesSqlFileMigrationsWithTheBeans() {
		ReversibilityReport report = ReversibilityVerifier.of(this.dataSource, List.of())
			.locations("classpath:dev/migrate/sqlfiles/basic")
			.allowIrreversible("1.1")
			.verify();
		assertThat(report.migrations()).extracting(VerifiedMigration::beanName, VerifiedMigration::reversible)
			.containsExactly(tuple("V1__Create_notes.sql", true), tuple("V1_1__Index_notes.sql", false),
					tuple("V2__Seed_notes.sql", true));
	}

	@Test
	void catchesAnUndoFileThatLeavesTheTableBehind() {
		assertThatExceptionOfType(ReversibilityError.class)
			.isThrownBy(() -> ReversibilityVerifier.of(this.dataSource, List.of())
				.locations("classpath:dev/migrate/test/sqlfiles/wrong-undo")
				.verify())
			.satisfies((error) -> assertThat(error.getBeanName()).isEqualTo("V1__Create_tags.sql"))
			.satisfies((error) -> assertThat(error).hasNoCause())
			.withMessageContaining("tags");
	}

	@Test
	void verifiesThatRowsSurviveUpThenDown() {
		ReversibilityReport report = ReversibilityVerifier
			.of(this.dataSource, named(new CreateUsers(), new AddNickname(), new AddEmailIndex()))
			.checkRows("users")
			.sampleData("1", (jdbc) -> {
				jdbc.update("INSERT INTO users (id, email, approved) VALUES (1, 'ada@example.com', TRUE)");
				jdbc.update("INSERT INTO users (id, email) VALUES (2, 'grace@example.com')");
			})
			.verify();
		assertThat(report.reversibleVersions()).containsExactly("1", "2", "7");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class)).isEqualTo(2);
	}

	@Test
	void allowsIrreversibleMigrationsOnlyWhenTold() {
		Map<String, Object> migrations = named(new CreateUsers(), new BackfillApproved());
		assertThatExceptionOfType(ReversibilityError.class)
			.isThrownBy(() -> ReversibilityVerifier.of(this.dataSource, migrations).verify())
			.satisfies((error) -> {
				assertThat(error.getProblem()).isEqualTo(Problem.IRREVERSIBLE);
				assertThat(error.getVersion()).isEqualTo("2");
				assertThat(error.getBeanName()).isEqualTo("backfillApproved");
			})
			.withMessageContaining("migration 2 (bean 'backfillApproved'")
			.withMessageContaining("allowIrreversible(\"2\")");
		assertThat(SchemaSnapshot.of(this.dataSource).isEmpty()).as("nothing ran").isTrue();
		ReversibilityReport report = ReversibilityVerifier.of(this.dataSource, migrations)
			.allowIrreversible("2")
			.verify();
		assertThat(report.reversibleVersions()).containsExactly("1");
		assertThat(report.irreversibleVersions()).containsExactly("2");
	}

	@Test
	void refusesDatabaseWhereMigrationsAreApplied() {
		Map<String, Object> migrations = named(new CreateUsers());
		Migrator.builder(this.dataSource).migrations(migrations).build().migrate();
		assertThatIllegalStateException()
			.isThrownBy(() -> ReversibilityVerifier.of(this.dataSource, migrations).verify())
			.withMessageContaining("no migration is applied yet")
			.withMessageContaining("migrate.enabled=false");
	}

	@Test
	void rejectsSettingsThatNameNothing() {
		Map<String, Object> migrations = named(new CreateUsers());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReversibilityVerifier.of(this.dataSource, migrations).allowIrreversible("9").verify())
			.withMessage("allowIrreversible names version 9, but no migration has it. Known versions: 1.");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReversibilityVerifier.of(this.dataSource, migrations).checkRows("userz").verify())
			.withMessageContaining("checkRows names table 'userz', but no migration created it");
	}

	// The verifier on deliberately wrong migrations

	@Test
	void catchesDownThatForgetsAnIndex() {
		ReversibilityError error = verifyFails(new CreateUsers(), new AuditWithForgottenIndex());
		assertThat(error.getProblem()).isEqualTo(Problem.SCHEMA_NOT_RESTORED);
		assertThat(error.getVersion()).isEqualTo("2");
		assertThat(error.getBeanName()).isEqualTo("auditWithForgottenIndex");
		assertThat(error.getDifferences()).containsExactly("index users_email_idx on users(email) is still there");
		assertThat(error).hasMessageStartingWith("Migration 2 (bean 'auditWithForgottenIndex', "
				+ AuditWithForgottenIndex.class.getName() + ") is not reversible: after its up and down,"
				+ " the schema differs from before its up:\n  index users_email_idx on users(email) is still there");
	}

	@Test
	void catchesDownThatDropsTheWrongColumn() {
		ReversibilityError error = verifyFails(new CreateUsers(), new AddNicknameDropEmail());
		assertThat(error.getProblem()).isEqualTo(Problem.SCHEMA_NOT_RESTORED);
		assertThat(error.getDifferences()).containsExactly(
				"column users.email " + varchar(100) + " NOT NULL is missing",
				"column users.nickname " + varchar(30) + " NULL is still there");
	}

	@Test
	void catchesDownThatLeavesASequence() {
		ReversibilityError error = verifyFails(new CreateUsers(), new InvoicesLeavingSequence());
		assertThat(error.getProblem()).isEqualTo(Problem.SCHEMA_NOT_RESTORED);
		assertThat(error.getDifferences()).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("sequence invoice_seq ")
				.contains("START WITH 100 INCREMENT BY 1")
				.endsWith(" is still there"));
	}

	@Test
	void catchesDownThatForgetsAForeignKey() {
		ReversibilityError error = verifyFails(new CreateUsers(), new CreatePlainOrders(),
				new OrdersForeignKeyForgotten());
		assertThat(error.getVersion()).isEqualTo("3");
		assertThat(error.getDifferences()).contains("foreign key orders_user_fk on orders(user_id) references"
				+ " users(id) ON UPDATE CASCADE ON DELETE CASCADE is still there");
	}

	@Test
	void catchesDownThatForgetsACheckConstraint() {
		ReversibilityError error = verifyFails(new CreateUsers(), new CreatePlainOrders(),
				new QuantityCheckForgotten());
		assertThat(error.getVersion()).isEqualTo("3");
		assertThat(error.getDifferences()).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("check constraint orders_positive_ck on orders CHECK (")
				.containsIgnoringCase("quantity")
				.endsWith(" is still there"));
	}

	@Test
	void catchesDownThatPutsAColumnBackInAnotherPlace() {
		ReversibilityError error = verifyFails(new CreateUsers(), new DropEmailReaddedAtTheEnd());
		assertThat(error.getProblem()).isEqualTo(Problem.SCHEMA_NOT_RESTORED);
		assertThat(error.getDifferences()).containsExactly(
				"columns of table users are now in the order (id, approved, email), expected (id, email, approved)");
	}

	@Test
	void catchesUpThatCreatesAnIndexOnlyOnItsFirstRun() {
		ReversibilityError error = verifyFails(new CreateUsers(), new IndexOnlyOnFirstRun());
		assertThat(error.getProblem()).isEqualTo(Problem.SECOND_UP_DIFFERS);
		assertThat(error.getDifferences()).containsExactly("index users_approved_idx on users(approved) is missing");
		assertThat(error).hasMessageContaining("does not apply the same way twice");
	}

	@Test
	void catchesUpWhoseSeedRowsComeOutDifferentlyTheSecondTime() {
		ReversibilityError error = verifyFailsCheckingRows(List.of("countries"), new CreateCountries(),
				new SeedCountries());
		assertThat(error.getProblem()).isEqualTo(Problem.SECOND_UP_DIFFERS);
		assertThat(error.getVersion()).isEqualTo("2");
		assertThat(error.getDifferences()).containsExactly("row (id=1, code='DE') in countries is missing",
				"row (id=2, code='FR') in countries is missing", "row (id=3, code='DE') in countries is new",
				"row (id=4, code='FR') in countries is new");
	}

	@Test
	void catchesDownThatLosesRows() {
		assertThatExceptionOfType(ReversibilityError.class)
			.isThrownBy(() -> ReversibilityVerifier.of(this.dataSource, named(new CreateUsers(), new RebuildUsers()))
				.checkRows("users")
				.sampleData("1",
						(jdbc) -> jdbc
							.update("INSERT INTO users (id, email, approved) VALUES (1, 'ada@example.com', TRUE)"))
				.verify())
			.satisfies((error) -> {
				assertThat(error.getProblem()).isEqualTo(Problem.ROWS_NOT_RESTORED);
				assertThat(error.getVersion()).isEqualTo("2");
				assertThat(error.getDifferences()).singleElement()
					.satisfies((line) -> assertThat(line).startsWith("row (id=1, email='ada@example.com', approved=")
						.endsWith(") in users is missing"));
			});
	}

	@Test
	void reportsAFailingSecondUp() {
		ReversibilityError error = verifyFails(new CreateUsers(), new FailsOnSecondUp());
		assertThat(error.getProblem()).isEqualTo(Problem.MIGRATION_FAILED);
		assertThat(error).hasMessageContaining("failed in its second up")
			.hasMessageContaining("down probably left something behind");
	}

	private ReversibilityError verifyFails(Object... migrations) {
		return verifyFailsCheckingRows(List.of(), migrations);
	}

	private ReversibilityError verifyFailsCheckingRows(List<String> tables, Object... migrations) {
		ReversibilityVerifier verifier = ReversibilityVerifier.of(this.dataSource, named(migrations))
			.checkRows(tables.toArray(String[]::new));
		try {
			verifier.verify();
		}
		catch (ReversibilityError error) {
			System.out.println(database() + ": " + error.getMessage());
			return error;
		}
		throw new AssertionError("Expected the verification to fail");
	}

	private static Map<String, Object> named(Object... migrations) {
		Map<String, Object> named = new LinkedHashMap<>();
		for (Object migration : migrations) {
			named.put(StringUtils.uncapitalize(migration.getClass().getSimpleName()), migration);
		}
		return named;
	}

	boolean isMariaDb() {
		return database() == TestDatabase.MARIADB;
	}

	boolean isH2() {
		return database() == TestDatabase.H2;
	}

	static boolean isMariaDb(MigrationContext context) {
		return context.database().isMySqlOrMariaDb();
	}

	static void dropIndex(MigrationContext context, String table, String index) {
		context.jdbcTemplate().execute("DROP INDEX " + index + (isMariaDb(context) ? " ON " + table : ""));
	}

	// Correct migrations

	@Migration(version = "1")
	public static class CreateUsers {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL,"
					+ " approved BOOLEAN DEFAULT FALSE NOT NULL)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE users");
		}

	}

	@Migration(version = "2")
	public static class AddEmailIndex {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE INDEX users_email_idx ON users(email)");
		}

		public void down(MigrationContext context) {
			dropIndex(context, "users", "users_email_idx");
		}

	}

	@Migration(version = "3")
	public static class CreateOrders {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE orders (id INT PRIMARY KEY, user_id INT NOT NULL, quantity INT NOT NULL,"
					+ " note VARCHAR(20), CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users(id)"
					+ " ON UPDATE CASCADE ON DELETE CASCADE, CONSTRAINT orders_quantity_ck CHECK (quantity > 0))");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE orders");
		}

	}

	@Migration(version = "4")
	public static class CreateInvoiceSequence {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE SEQUENCE invoice_seq START WITH 1000 INCREMENT BY 10");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP SEQUENCE invoice_seq");
		}

	}

	@Migration(version = "5")
	public static class CreateApprovedUsersView {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE VIEW approved_users AS SELECT id, email FROM users WHERE approved = TRUE");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP VIEW approved_users");
		}

	}

	@Migration(version = "6")
	public static class AddUniqueEmail {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)");
		}

		public void down(MigrationContext context) {
			if (isMariaDb(context)) {
				dropIndex(context, "users", "users_email_key");
			}
			else {
				context.jdbcTemplate().execute("ALTER TABLE users DROP CONSTRAINT users_email_key");
			}
		}

	}

	@Migration(version = "7")
	public static class AddNickname {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE users ADD COLUMN nickname VARCHAR(30) DEFAULT 'anonymous' NOT NULL");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE users DROP COLUMN nickname");
		}

	}

	@Migration(version = "2")
	public static class BackfillApproved {

		public void up(JdbcTemplate jdbc) {
			jdbc.update("UPDATE users SET approved = TRUE");
		}

	}

	@Migration(version = "2")
	public static class CreatePlainOrders {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE orders (id INT PRIMARY KEY, user_id INT NOT NULL, quantity INT NOT NULL)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE orders");
		}

	}

	@Migration(version = "1")
	public static class CreateCountries {

		public void up(MigrationContext context) {
			context.jdbcTemplate()
				.execute("CREATE TABLE countries (id INT "
						+ (isMariaDb(context) ? "AUTO_INCREMENT" : "GENERATED BY DEFAULT AS IDENTITY")
						+ " PRIMARY KEY, code CHAR(2) NOT NULL)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE countries");
		}

	}

	// Deliberately wrong migrations

	/** Down drops the audit table but forgets the index on users. */
	@Migration(version = "2")
	public static class AuditWithForgottenIndex {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE audit (id INT PRIMARY KEY, message VARCHAR(200))");
			jdbc.execute("CREATE INDEX users_email_idx ON users(email)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE audit");
		}

	}

	/** Down drops email instead of the nickname up added. */
	@Migration(version = "2")
	public static class AddNicknameDropEmail {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE users ADD COLUMN nickname VARCHAR(30)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE users DROP COLUMN email");
		}

	}

	/** Down drops the table but leaves the sequence that numbers it. */
	@Migration(version = "2")
	public static class InvoicesLeavingSequence {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE SEQUENCE invoice_seq START WITH 100 INCREMENT BY 1");
			jdbc.execute("CREATE TABLE invoices (id BIGINT PRIMARY KEY, user_id INT NOT NULL)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE invoices");
		}

	}

	/** Down drops the column it added but forgets the foreign key. */
	@Migration(version = "3")
	public static class OrdersForeignKeyForgotten {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE orders ADD COLUMN note VARCHAR(20)");
			jdbc.execute("ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users(id)"
					+ " ON UPDATE CASCADE ON DELETE CASCADE");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE orders DROP COLUMN note");
		}

	}

	/** Down forgets the check constraint. */
	@Migration(version = "3")
	public static class QuantityCheckForgotten {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE orders ADD CONSTRAINT orders_positive_ck CHECK (quantity > 0)");
		}

		public void down(JdbcTemplate jdbc) {
			// forgot: ALTER TABLE orders DROP CONSTRAINT orders_positive_ck
		}

	}

	/** Down adds the dropped column back, but at the end of the table. */
	@Migration(version = "2")
	public static class DropEmailReaddedAtTheEnd {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE users DROP COLUMN email");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE users ADD COLUMN email VARCHAR(100) NOT NULL");
		}

	}

	/**
	 * Up decides from state outside the schema (here a field, in real life a flag or a
	 * file) and skips the index on its second run.
	 */
	@Migration(version = "2")
	public static class IndexOnlyOnFirstRun {

		private boolean ranBefore;

		public void up(JdbcTemplate jdbc) {
			if (!this.ranBefore) {
				jdbc.execute("CREATE INDEX users_approved_idx ON users(approved)");
			}
			this.ranBefore = true;
		}

		public void down(MigrationContext context) {
			dropIndex(context, "users", "users_approved_idx");
		}

	}

	/**
	 * Seeds rows with generated ids; down deletes them but the identity keeps counting,
	 * so the second up seeds different ids.
	 */
	@Migration(version = "2")
	public static class SeedCountries {

		public void up(JdbcTemplate jdbc) {
			jdbc.update("INSERT INTO countries (code) VALUES ('DE')");
			jdbc.update("INSERT INTO countries (code) VALUES ('FR')");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.update("DELETE FROM countries WHERE code IN ('DE', 'FR')");
		}

	}

	/** Adds a column; down rebuilds the table from scratch, losing its rows. */
	@Migration(version = "2")
	public static class RebuildUsers {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("ALTER TABLE users ADD COLUMN nickname VARCHAR(30)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE users");
			new CreateUsers().up(jdbc);
		}

	}

	/** Down forgets the seed row, which the second up trips over. */
	@Migration(version = "2")
	public static class FailsOnSecondUp {

		public void up(JdbcTemplate jdbc) {
			jdbc.update("INSERT INTO users (id, email) VALUES (1, 'admin@example.com')");
		}

		public void down(JdbcTemplate jdbc) {
			// forgot: DELETE FROM users WHERE id = 1
		}

	}

}
