package dev.workflowtracing.workflow.engine.execution;

import static dev.workflowtracing.conventions.WorkflowAttributes.NODE_ID;
import static dev.workflowtracing.conventions.WorkflowAttributes.NODE_MAX_ATTEMPTS;
import static dev.workflowtracing.conventions.WorkflowAttributes.NODE_TYPE;
import static dev.workflowtracing.conventions.WorkflowAttributes.RUN_ID;
import static dev.workflowtracing.conventions.WorkflowAttributes.SPAN_ROLE;
import static dev.workflowtracing.conventions.WorkflowAttributes.WORKFLOW_ID;
import static dev.workflowtracing.conventions.WorkflowAttributes.WORKFLOW_VERSION;

import dev.workflowtracing.conventions.SpanNames;
import dev.workflowtracing.conventions.SpanRole;
import dev.workflowtracing.instrumentation.TracedOperation;
import dev.workflowtracing.workflow.NodeDefinition;
import dev.workflowtracing.workflow.engine.control.RunHandle;
import io.opentelemetry.api.common.Attributes;

/** One node's execution within a run, all attempts included: traced as the node's span. */
public record NodeInvocation(
    RunHandle run,
    String workflowId,
    int workflowVersion,
    NodeDefinition node,
    RunState state,
    java.util.concurrent.atomic.AtomicBoolean traced)
    implements TracedOperation {

  public NodeInvocation(
      RunHandle run, String workflowId, int workflowVersion, NodeDefinition node, RunState state) {
    this(
        run,
        workflowId,
        workflowVersion,
        node,
        state,
        new java.util.concurrent.atomic.AtomicBoolean());
  }

  @Override
  public void spanStarted() {
    traced.set(true);
  }

  /**
   * Whether the node's span was started: a call that fails before the interceptor (the container
   * refusing an interrupted thread, when a cancel lands) has none, and must not count one.
   */
  public boolean hasSpan() {
    return traced.get();
  }

  public String runId() {
    return run.runId();
  }

  /** The try number {@code attempt} of this node, within this invocation. */
  public NodeAttempt attempt(int attempt, Deadline deadline) {
    return new NodeAttempt(run, workflowId, workflowVersion, node, attempt, state, deadline);
  }

  @Override
  public String spanName() {
    return SpanNames.node(node.type().jsonName(), node.id());
  }

  @Override
  public Attributes spanAttributes() {
    return Attributes.builder()
        .put(SPAN_ROLE, SpanRole.NODE.value())
        .put(WORKFLOW_ID, workflowId)
        .put(WORKFLOW_VERSION, workflowVersion)
        .put(RUN_ID, runId())
        .put(NODE_ID, node.id())
        .put(NODE_TYPE, node.type().jsonName())
        .put(NODE_MAX_ATTEMPTS, node.retry().maxAttempts())
        .build();
  }
}
