package dev.workflowtracing.workflow.engine;

import static dev.workflowtracing.tracing.WorkflowAttributes.RUN_ID;
import static dev.workflowtracing.tracing.WorkflowAttributes.RUN_TRIGGER;
import static dev.workflowtracing.tracing.WorkflowAttributes.WORKFLOW_ID;
import static dev.workflowtracing.tracing.WorkflowAttributes.WORKFLOW_VERSION;

import dev.workflowtracing.tracing.TracedOperation;
import dev.workflowtracing.workflow.WorkflowDefinition;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import jakarta.json.JsonObject;

/**
 * A request to run a workflow: traced as the run's root span.
 *
 * @param parent the caller's trace context (from a W3C traceparent header), or {@link
 *     Context#root()} to start a new trace
 * @param trigger who started the run: api, canvas, sample, soak...
 */
public record RunRequest(
    String runId, WorkflowDefinition workflow, JsonObject inputs, String trigger, Context parent)
    implements TracedOperation {

  @Override
  public String spanName() {
    return "run " + workflow.id();
  }

  @Override
  public Attributes spanAttributes() {
    return Attributes.of(
        WORKFLOW_ID,
        workflow.id(),
        WORKFLOW_VERSION,
        (long) workflow.version(),
        RUN_ID,
        runId,
        RUN_TRIGGER,
        trigger);
  }

  @Override
  public Context parentContext() {
    return parent;
  }
}
