package dev.migrate.boot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Architecture rules of the Spring Boot module.
 */
class ArchitectureTests {

	private static final JavaClasses BOOT = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.migrate.boot");

	@Test
	void usesOnlyThePublicApiOfTheEngine() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("dev.migrate.internal..")
			.because("the engine's internal package is not an API; the Boot module uses Migrator and its results")
			.check(BOOT);
	}

	@Test
	void commandsKnowNothingOfTheAutoConfiguration() {
		noClasses().that()
			.resideInAPackage("dev.migrate.boot.autoconfigure.command..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.migrate.boot.autoconfigure")
			.because("the auto-configuration plugs commands into start-up through a MigrateMigrationStrategy, so the"
					+ " command package is a library it uses, never the reverse")
			.check(BOOT);
	}

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("dev.migrate.boot.(**)").should().beFreeOfCycles().check(BOOT);
	}

}
