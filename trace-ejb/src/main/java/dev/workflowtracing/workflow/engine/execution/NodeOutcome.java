package dev.workflowtracing.workflow.engine.execution;

import dev.workflowtracing.conventions.WorkflowAttributes;
import dev.workflowtracing.instrumentation.TracedOutcome;
import io.opentelemetry.api.trace.Span;
import jakarta.json.JsonObject;

/** A node's output and how many attempts it took. */
public record NodeOutcome(JsonObject output, int attempts) implements TracedOutcome {

  @Override
  public void describeTo(Span span) {
    span.setAttribute(WorkflowAttributes.NODE_ATTEMPTS_USED, (long) attempts);
  }
}
