package dev.workflowtracing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of the EJB module (docs/architecture.md), bottom up: conventions, json and concurrent;
 * instrumentation; workflow (definitions, engine, nodes); tracestore; schema, retention, cluster
 * ingest and audit. The span type (spans) and the OTLP format (otlp) sit at the bottom with
 * conventions. A layer uses only those below it, and no two packages import each other.
 */
@AnalyzeClasses(
    packages = "dev.workflowtracing",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule layersPointDown =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Conventions")
          .definedBy(
              "dev.workflowtracing.conventions..",
              "dev.workflowtracing.json..",
              "dev.workflowtracing.concurrent..",
              "dev.workflowtracing.spans..",
              "dev.workflowtracing.otlp..")
          .layer("Instrumentation")
          .definedBy("dev.workflowtracing.instrumentation..")
          .layer("Workflow")
          .definedBy("dev.workflowtracing.workflow..")
          .layer("TraceStore")
          .definedBy(
              "dev.workflowtracing.tracestore..",
              "dev.workflowtracing.stats..",
              "dev.workflowtracing.compare..")
          .layer("Operations")
          .definedBy(
              "dev.workflowtracing.schema..",
              "dev.workflowtracing.retention..",
              "dev.workflowtracing.cluster..",
              "dev.workflowtracing.ingest..",
              "dev.workflowtracing.audit..")
          .whereLayer("Operations")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("TraceStore")
          .mayOnlyBeAccessedByLayers("Operations")
          .whereLayer("Workflow")
          .mayOnlyBeAccessedByLayers("TraceStore", "Operations")
          .whereLayer("Instrumentation")
          .mayOnlyBeAccessedByLayers("Workflow", "TraceStore", "Operations");

  @ArchTest
  static final ArchRule noTwoPackagesImportEachOther =
      slices().matching("dev.workflowtracing.(**)").should().beFreeOfCycles();

  /** Inside a package too: no two top-level classes depend on each other, directly or around. */
  @ArchTest
  static final ArchRule noTwoClassesDependOnEachOther =
      slices()
          .assignedFrom(
              new com.tngtech.archunit.library.dependencies.SliceAssignment() {
                @Override
                public com.tngtech.archunit.library.dependencies.SliceIdentifier getIdentifierOf(
                    com.tngtech.archunit.core.domain.JavaClass javaClass) {
                  String name = javaClass.getName();
                  int nested = name.indexOf('$');
                  return com.tngtech.archunit.library.dependencies.SliceIdentifier.of(
                      nested < 0 ? name : name.substring(0, nested));
                }

                @Override
                public String getDescription() {
                  return "top-level classes";
                }
              })
          .should()
          .beFreeOfCycles();

  /** The engine runs workflows and publishes what happens; it stores nothing itself. */
  @ArchTest
  static final ArchRule theEngineKnowsNoStorage =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.workflowtracing.workflow.engine..",
              "dev.workflowtracing.workflow.nodes..",
              "dev.workflowtracing.workflow.run..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.workflowtracing.tracestore..", "jakarta.persistence..", "org.hibernate..");

  /**
   * Inside the workflow layer, bottom up: what a run is (run); the live runs (live); control over
   * executing runs (engine.control); execution of one run (engine.execution), whose node port the
   * node types (nodes) implement; the engine's entry point (engine); the run queue above it
   * (engine.queue), which hands runs to the engine and which the engine never calls.
   */
  @ArchTest
  static final ArchRule theEnginesPackagesPointDown =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Run")
          .definedBy("dev.workflowtracing.workflow.run..")
          .layer("Live")
          .definedBy("dev.workflowtracing.workflow.live..")
          .layer("Control")
          .definedBy("dev.workflowtracing.workflow.engine.control..")
          .layer("Execution")
          .definedBy("dev.workflowtracing.workflow.engine.execution..")
          .layer("Nodes")
          .definedBy("dev.workflowtracing.workflow.nodes..")
          .layer("Engine")
          .definedBy("dev.workflowtracing.workflow.engine")
          .layer("Queue")
          .definedBy("dev.workflowtracing.workflow.engine.queue..")
          .whereLayer("Queue")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Engine")
          .mayOnlyBeAccessedByLayers("Queue")
          .whereLayer("Nodes")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Execution")
          .mayOnlyBeAccessedByLayers("Nodes", "Engine", "Queue")
          .whereLayer("Control")
          .mayOnlyBeAccessedByLayers("Execution", "Nodes", "Engine", "Queue")
          .whereLayer("Live")
          .mayOnlyBeAccessedByLayers("Engine", "Queue");

  @ArchTest
  static final ArchRule conventionsDependOnTheOpenTelemetryApiOnly =
      noClasses()
          .that()
          .resideInAPackage("dev.workflowtracing.conventions..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.opentelemetry.sdk..", "jakarta..");
}
