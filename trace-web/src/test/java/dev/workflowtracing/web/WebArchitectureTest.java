package dev.workflowtracing.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;

/**
 * The API layer (docs/architecture.md): resources check input, ask a service and map its read model
 * to JSON. They never touch an entity or the persistence API, and its packages (one per resource,
 * plus input, problem, security) do not import each other in circles.
 */
@AnalyzeClasses(
    packages = "dev.workflowtracing.web",
    importOptions = ImportOption.DoNotIncludeTests.class)
class WebArchitectureTest {

  @ArchTest
  static final ArchRule resourcesNeverTouchAnEntity =
      noClasses()
          .that()
          .resideInAPackage("dev.workflowtracing.web..")
          .should()
          .dependOnClassesThat()
          .areAnnotatedWith(Entity.class)
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.persistence..", "org.hibernate..");

  @ArchTest
  static final ArchRule noTwoPackagesImportEachOther =
      slices().matching("dev.workflowtracing.web.(**)").should().beFreeOfCycles();
}
