package dev.migrate.dialect;

import java.time.Duration;

import dev.migrate.lock.MigrationLock;
import dev.migrate.lock.MigrationLocks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Dialects#forProductName}: which dialect each product name, as JDBC
 * drivers report it, gets, and the facts that dialect states. No database: the locks are
 * created with a data source that is never connected to.
 */
class DialectsTests {

	@ParameterizedTest(name = "\"{0}\" -> {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					PostgreSQL           | dev.migrate.dialect.PostgresDialect | PostgreSQL           | true  | TIMESTAMP WITH TIME ZONE | TEXT                    | 100000
					postgresql           | dev.migrate.dialect.PostgresDialect | PostgreSQL           | true  | TIMESTAMP WITH TIME ZONE | TEXT                    | 100000
					POSTGRESQL           | dev.migrate.dialect.PostgresDialect | PostgreSQL           | true  | TIMESTAMP WITH TIME ZONE | TEXT                    | 100000
					MySQL                | dev.migrate.dialect.MySqlDialect    | MySQL                | false | DATETIME(3)              | TEXT                    | 16000
					mysql                | dev.migrate.dialect.MySqlDialect    | MySQL                | false | DATETIME(3)              | TEXT                    | 16000
					MariaDB              | dev.migrate.dialect.MySqlDialect    | MariaDB              | false | DATETIME(3)              | TEXT                    | 16000
					MARIADB              | dev.migrate.dialect.MySqlDialect    | MariaDB              | false | DATETIME(3)              | TEXT                    | 16000
					H2                   | dev.migrate.dialect.H2Dialect       | H2                   | false | TIMESTAMP WITH TIME ZONE | CHARACTER VARYING(4000) | 4000
					h2                   | dev.migrate.dialect.H2Dialect       | H2                   | false | TIMESTAMP WITH TIME ZONE | CHARACTER VARYING(4000) | 4000
					HSQL Database Engine | dev.migrate.dialect.HsqldbDialect   | HSQLDB               | false | TIMESTAMP WITH TIME ZONE | VARCHAR(4000)           | 4000
					hsql database engine | dev.migrate.dialect.HsqldbDialect   | HSQLDB               | false | TIMESTAMP WITH TIME ZONE | VARCHAR(4000)           | 4000
					Oracle               | dev.migrate.dialect.GenericDialect  | Oracle               | false | TIMESTAMP WITH TIME ZONE | VARCHAR(4000)           | 4000
					Microsoft SQL Server | dev.migrate.dialect.GenericDialect  | Microsoft SQL Server | false | TIMESTAMP WITH TIME ZONE | VARCHAR(4000)           | 4000
					Apache Derby         | dev.migrate.dialect.GenericDialect  | Apache Derby         | false | TIMESTAMP WITH TIME ZONE | VARCHAR(4000)           | 4000
					DB2/LINUXX8664       | dev.migrate.dialect.GenericDialect  | DB2/LINUXX8664       | false | TIMESTAMP WITH TIME ZONE | VARCHAR(4000)           | 4000
					'PostgreSQL 16'      | dev.migrate.dialect.GenericDialect  | PostgreSQL 16        | false | TIMESTAMP WITH TIME ZONE | VARCHAR(4000)           | 4000
					""")
	void choosesTheDialectFromTheProductName(String productName, Class<? extends Dialect> dialectClass, String name,
			boolean transactionalDdl, String instantType, String longTextType, int longTextLength) {
		Dialect dialect = Dialects.forProductName(productName);

		assertThat(dialect).isExactlyInstanceOf(dialectClass);
		assertThat(dialect.name()).isEqualTo(name);
		assertThat(dialect.supportsTransactionalDdl()).isEqualTo(transactionalDdl);
		assertThat(dialect.instantType()).isEqualTo(instantType);
		assertThat(dialect.longTextType()).isEqualTo(longTextType);
		assertThat(dialect.longTextLength()).isEqualTo(longTextLength);
	}

	@ParameterizedTest(name = "\"{0}\" -> {1}")
	@CsvSource({ "PostgreSQL, dev.migrate.lock.PostgresAdvisoryLock", "MySQL, dev.migrate.lock.MySqlNamedLock",
			"MariaDB, dev.migrate.lock.MySqlNamedLock", "H2, dev.migrate.lock.TableLock",
			"HSQL Database Engine, dev.migrate.lock.TableLock", "Oracle, dev.migrate.lock.TableLock" })
	void createsTheLockKindOfTheDatabase(String productName, Class<? extends MigrationLock> lockClass) {
		// A schema is given: without one, the session locks ask a connection for the
		// current schema.
		MigrationLock lock = MigrationLocks.create(Dialects.forProductName(productName), new SimpleDriverDataSource(),
				"app", "migrate_history", Duration.ofSeconds(30));

		assertThat(lock).isExactlyInstanceOf(lockClass);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "PostgreSQL", "MySQL", "H2", "HSQL Database Engine", "Oracle" })
	void createsASchemaWithStandardSql(String productName) {
		assertThat(Dialects.forProductName(productName).createSchemaStatement("app")).isEqualTo("CREATE SCHEMA app");
	}

}
