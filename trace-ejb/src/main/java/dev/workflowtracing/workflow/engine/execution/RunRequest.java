package dev.workflowtracing.workflow.engine.execution;

import static dev.workflowtracing.conventions.WorkflowAttributes.RUN_ID;
import static dev.workflowtracing.conventions.WorkflowAttributes.RUN_TRIGGER;
import static dev.workflowtracing.conventions.WorkflowAttributes.SPAN_ROLE;
import static dev.workflowtracing.conventions.WorkflowAttributes.WORKFLOW_ID;
import static dev.workflowtracing.conventions.WorkflowAttributes.WORKFLOW_VERSION;

import dev.workflowtracing.conventions.SpanNames;
import dev.workflowtracing.conventions.SpanRole;
import dev.workflowtracing.instrumentation.TracedOperation;
import dev.workflowtracing.workflow.WorkflowDefinition;
import dev.workflowtracing.workflow.engine.control.RunControl;
import dev.workflowtracing.workflow.engine.control.RunHandle;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import jakarta.json.JsonObject;

/**
 * A request to run a workflow: traced as the run's root span.
 *
 * @param parent the caller's trace context (from a W3C traceparent header), or {@link
 *     Context#root()} to start a new trace
 * @param trigger who started the run: api, canvas, sample, soak...
 * @param fromQueue the run was accepted onto the run queue first (its row exists already)
 * @param handle how the run is stopped ({@link RunControl})
 */
public record RunRequest(
    RunHandle handle,
    WorkflowDefinition workflow,
    JsonObject inputs,
    String trigger,
    Context parent,
    boolean fromQueue)
    implements TracedOperation {

  public String runId() {
    return handle.runId();
  }

  @Override
  public String spanName() {
    return SpanNames.run(workflow.id());
  }

  @Override
  public Attributes spanAttributes() {
    return Attributes.builder()
        .put(SPAN_ROLE, SpanRole.RUN.value())
        .put(WORKFLOW_ID, workflow.id())
        .put(WORKFLOW_VERSION, workflow.version())
        .put(RUN_ID, runId())
        .put(RUN_TRIGGER, trigger)
        .build();
  }

  @Override
  public Context parentContext() {
    return parent;
  }
}
