package dev.workflowtracing.workflow.engine.execution;

import static dev.workflowtracing.conventions.WorkflowAttributes.NODE_ATTEMPT;
import static dev.workflowtracing.conventions.WorkflowAttributes.NODE_ID;
import static dev.workflowtracing.conventions.WorkflowAttributes.NODE_TYPE;
import static dev.workflowtracing.conventions.WorkflowAttributes.RUN_ID;
import static dev.workflowtracing.conventions.WorkflowAttributes.SPAN_ROLE;
import static dev.workflowtracing.conventions.WorkflowAttributes.WORKFLOW_ID;
import static dev.workflowtracing.conventions.WorkflowAttributes.WORKFLOW_VERSION;

import dev.workflowtracing.conventions.SpanNames;
import dev.workflowtracing.conventions.SpanRole;
import dev.workflowtracing.instrumentation.TracedOperation;
import dev.workflowtracing.workflow.NodeDefinition;
import dev.workflowtracing.workflow.NodeType;
import dev.workflowtracing.workflow.engine.control.RunHandle;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;

/**
 * One try at running a node: traced as a child span of the node's span. Made by {@link
 * NodeInvocation#attempt}.
 */
public record NodeAttempt(
    RunHandle run,
    String workflowId,
    int workflowVersion,
    NodeDefinition node,
    int attempt,
    RunState state,
    Deadline deadline)
    implements TracedOperation {

  public String runId() {
    return run.runId();
  }

  /**
   * This attempt's model call used these tokens at this cost (null: its model has no price): added
   * to the run's totals, as the attempt's span records it.
   */
  public void recordUsage(long inputTokens, long outputTokens, Long costNanos) {
    state.usage().add(node.id(), attempt, inputTokens, outputTokens, costNanos);
  }

  @Override
  public String spanName() {
    return SpanNames.attempt(node.id(), attempt);
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
    return Attributes.builder()
        .put(SPAN_ROLE, SpanRole.ATTEMPT.value())
        .put(WORKFLOW_ID, workflowId)
        .put(WORKFLOW_VERSION, workflowVersion)
        .put(RUN_ID, runId())
        .put(NODE_ID, node.id())
        .put(NODE_TYPE, node.type().jsonName())
        .put(NODE_ATTEMPT, attempt)
        .build();
  }
}
