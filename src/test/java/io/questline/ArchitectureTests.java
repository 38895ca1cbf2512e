package io.questline;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout rules of the codebase, checked on every build.
 */
class ArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.questline");

	@Test
	void sharedDependsOnNoFeature() {
		noClasses().that()
			.resideInAPackage("io.questline.shared..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.questline..")
				.and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.questline.shared.."))))
			.check(classes);
	}

	@Test
	void featuresHaveNoDependencyCycles() {
		slices().matching("io.questline.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void sqlGoesThroughSpringJdbcWithBoundParametersNotRawStatements() {
		noClasses().should()
			.callMethod(Connection.class, "createStatement")
			.orShould()
			.callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates
				.target(com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With
					.owner(com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(Statement.class))))
			.check(classes);
	}

	@Test
	void timeComesFromTheInjectedClock() {
		noClasses().should()
			.callMethod(Instant.class, "now")
			.orShould()
			.callMethod(LocalDate.class, "now")
			.orShould()
			.callMethod(LocalDateTime.class, "now")
			.orShould()
			.callMethod(ZonedDateTime.class, "now")
			.check(classes);
	}

}
