package dev.workflowtracing.workflow.engine;

import dev.workflowtracing.workflow.WorkflowCatalog;
import dev.workflowtracing.workflow.WorkflowDefinition;
import io.opentelemetry.context.Context;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObject;
import java.util.UUID;

/** Starts runs of stored workflows. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WorkflowService {

  @EJB WorkflowCatalog catalog;
  @EJB WorkflowRunner runner;

  /**
   * Runs the latest version of a workflow and waits for it to end.
   *
   * @param parent the caller's trace context, or {@link Context#root()} for a new trace
   */
  public RunResult run(String workflowId, JsonObject inputs, String trigger, Context parent) {
    WorkflowDefinition workflow = catalog.definition(workflowId);
    return runner.run(
        new RunRequest(UUID.randomUUID().toString(), workflow, inputs, trigger, parent, false));
  }

  /** Runs a run taken off the run queue, under the id it was accepted with. */
  public RunResult runQueued(
      String runId, String workflowId, JsonObject inputs, String trigger, Context parent) {
    WorkflowDefinition workflow = catalog.definition(workflowId);
    return runner.run(new RunRequest(runId, workflow, inputs, trigger, parent, true));
  }
}
