package dev.workflowtracing.workflow.engine.queue;

import static dev.workflowtracing.conventions.WorkflowAttributes.RUN_ID;
import static dev.workflowtracing.conventions.WorkflowAttributes.RUN_TRIGGER;
import static dev.workflowtracing.conventions.WorkflowAttributes.WORKFLOW_ID;

import dev.workflowtracing.conventions.SpanNames;
import dev.workflowtracing.instrumentation.TracedOperation;
import dev.workflowtracing.workflow.WorkflowDefinition;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import jakarta.json.JsonObject;

/**
 * A run to put on the run queue: traced as a producer span, a child of the caller's span.
 *
 * @param parent the caller's trace context (its traceparent), or {@link Context#root()}
 */
public record Enqueue(
    String runId, WorkflowDefinition workflow, JsonObject inputs, String trigger, Context parent)
    implements TracedOperation {

  @Override
  public String spanName() {
    return SpanNames.enqueue(workflow.id());
  }

  @Override
  public SpanKind spanKind() {
    return SpanKind.PRODUCER;
  }

  @Override
  public Attributes spanAttributes() {
    return Attributes.builder()
        .put(WORKFLOW_ID, workflow.id())
        .put(RUN_ID, runId)
        .put(RUN_TRIGGER, trigger)
        .build();
  }

  @Override
  public Context parentContext() {
    return parent;
  }
}
