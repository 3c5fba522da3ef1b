package dev.migrate;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Architecture rules of the engine. The root package {@code dev.migrate} is the public
 * API (annotations, context, results, exceptions) with the {@link Migrator} facade; the
 * packages below it form layers without cycles.
 */
class ArchitectureTests {

	private static final JavaClasses ENGINE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.migrate");

	@Test
	void engineDoesNotDependOnSpringBoot() {
		noClasses().that()
			.resideInAPackage("dev.migrate..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.because("migrate-core must be usable without Spring Boot")
			.check(ENGINE);
	}

	@Test
	void onlyTheGeneratorNeedsHibernate() {
		noClasses().that()
			.resideOutsideOfPackage("dev.migrate.generate..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.hibernate..", "jakarta.persistence..")
			.because("hibernate-core is an optional dependency, needed only to generate migrations")
			.check(ENGINE);
	}

	@Test
	void theEngineDoesNotDependOnTheSchemaSnapshotOrTheGenerator() {
		noClasses().that()
			.resideInAnyPackage("dev.migrate", "dev.migrate.internal..", "dev.migrate.history..", "dev.migrate.lock..",
					"dev.migrate.resolver..", "dev.migrate.dialect..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.migrate.schema..", "dev.migrate.generate..")
			.check(ENGINE);
	}

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("dev.migrate.(*)..").should().beFreeOfCycles().check(ENGINE);
	}

	@Test
	void packagesAreLayered() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Facade")
			.definedBy("dev.migrate")
			.layer("Engine")
			.definedBy("dev.migrate.internal..")
			.layer("History")
			.definedBy("dev.migrate.history..")
			.layer("Lock")
			.definedBy("dev.migrate.lock..")
			.layer("Resolver")
			.definedBy("dev.migrate.resolver..")
			.layer("Dialect")
			.definedBy("dev.migrate.dialect..")
			.layer("Tenant")
			.definedBy("dev.migrate.tenant..")
			.whereLayer("Tenant")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Engine")
			.mayOnlyBeAccessedByLayers("Facade")
			.whereLayer("History")
			.mayOnlyBeAccessedByLayers("Facade", "Engine")
			.whereLayer("Lock")
			.mayOnlyBeAccessedByLayers("Facade", "Engine")
			.whereLayer("Resolver")
			.mayOnlyBeAccessedByLayers("Facade", "Engine")
			.check(ENGINE);
	}

	@Test
	void dialectsStateFactsAndDoNotBuildLocks() {
		noClasses().that()
			.resideInAPackage("dev.migrate.dialect..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.migrate.lock..", "dev.migrate.history..", "dev.migrate.internal..",
					"dev.migrate.resolver..")
			.check(ENGINE);
	}

}
