package dev.workflowtracing.workflow.engine;

import static dev.workflowtracing.tracing.WorkflowAttributes.NODE_ATTEMPT;
import static dev.workflowtracing.tracing.WorkflowAttributes.NODE_ID;
import static dev.workflowtracing.tracing.WorkflowAttributes.NODE_TYPE;
import static dev.workflowtracing.tracing.WorkflowAttributes.RUN_ID;

import dev.workflowtracing.tracing.TracedOperation;
import dev.workflowtracing.workflow.NodeDefinition;
import dev.workflowtracing.workflow.NodeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;

/** One try at running a node: traced as a child span of the node's span. */
public record NodeAttempt(
    String runId, NodeDefinition node, int attempt, RunState state, Deadline deadline)
    implements TracedOperation {

  @Override
  public String spanName() {
    return node.id() + " attempt " + attempt;
  }

  @Override
  public SpanKind spanKind() {
    // LLM and HTTP nodes call out of the process.
    return node.type() == NodeType.LLM || node.type() == NodeType.HTTP
        ? SpanKind.CLIENT
        : SpanKind.INTERNAL;
  }

  @Override
  public Attributes spanAttributes() {
    return Attributes.of(
        RUN_ID,
        runId,
        NODE_ID,
        node.id(),
        NODE_TYPE,
        node.type().jsonName(),
        NODE_ATTEMPT,
        (long) attempt);
  }
}
